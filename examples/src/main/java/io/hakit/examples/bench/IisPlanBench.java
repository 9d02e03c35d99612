package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.iis.ApplicationHostConfig;
import io.hakit.iis.ArrConfig;
import io.hakit.iis.ArrConfigRenderer;
import io.hakit.iis.IisAdapter;
import io.hakit.model.Deployment;
import io.hakit.model.Server;
import io.hakit.model.Vendor;
import io.hakit.model.plan.Plan;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The IIS row of {@code hakit bench plan}: render 500 farms × 10 servers from a deployment, merge them
 * into a 50 KB applicationHost.config (byte-preserving), then read the merged file back and re-plan
 * (which must be empty). Times are medians of 9 runs, taken round-robin over the sizes after 4 warm-up rounds, wall
 * and CPU (this thread); the anchor is the target of 1 s, and linearity is the time per farm member at
 * 50, 125, 250 and 500 farms side by side, all from the same run.
 */
public final class IisPlanBench {

    /** The target for 500 farms × 10 servers. */
    public static final double TARGET_MS = 1000;
    private static final int SERVERS = 10;
    private static final int[] FARMS = {50, 125, 250, 500};
    private static final int BASE_BYTES = 50 * 1024;
    private static final int WARMUPS = 4;
    private static final int REPEATS = 9;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IisPlanBench() {
    }

    /** One measured size. */
    private record Run(int farms, long renderNs, long mergeNs, long replanNs, long cpuNs, int baseBytes,
            int mergedBytes, int changes) {
        long totalNs() {
            return renderNs + mergeNs + replanNs;
        }
    }

    /** @return the figures: one row for 500 × 10 against the 1 s target, one for linearity */
    public static List<ObjectNode> measure() {
        SyntheticDeployments synthetic = new SyntheticDeployments();
        List<Server> servers = synthetic.servers(SERVERS);
        byte[] base = baseFile(BASE_BYTES);
        List<Deployment> deployments = new ArrayList<>();
        for (int farms : FARMS) {
            Deployment d = synthetic.deployment(servers, SyntheticDeployments.services(farms));
            deployments.add(d.copy(b -> b.loadBalancer(lb -> lb.vendor(Vendor.IIS).fqdn(d.loadBalancer().fqdn())
                    .certificate(d.loadBalancer().certificate().orElseThrow()))));
        }
        // warm up on every size, then measure round-robin, so JIT and machine load weigh on every size alike
        for (int i = 0; i < WARMUPS; i++) {
            deployments.forEach(d -> once(d, base, new long[4]));
        }
        long[][][] samples = new long[FARMS.length][REPEATS][];
        int[] merged = new int[FARMS.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < REPEATS; r++) {
            for (int k = 0; k < FARMS.length; k++) {
                long[] t = new long[4];
                long cpu0 = threads.getCurrentThreadCpuTime();
                merged[k] = once(deployments.get(k), base, t).length;
                t[3] = threads.getCurrentThreadCpuTime() - cpu0;
                samples[k][r] = t;
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int k = 0; k < FARMS.length; k++) {
            Deployment d = deployments.get(k);
            runs.add(new Run(FARMS[k], median(samples[k], 0), median(samples[k], 1), median(samples[k], 2),
                    median(samples[k], 3), base.length, merged[k],
                    IisAdapter.plan(d, ApplicationHostConfig.parse(base, "base")).changes().size()));
        }
        Run big = runs.get(runs.size() - 1);
        ObjectNode main = JSON.createObjectNode();
        main.put("benchmark", "iis-plan");
        main.put("farms", big.farms());
        main.put("serversPerFarm", SERVERS);
        main.put("changes", big.changes());
        main.put("baseBytes", big.baseBytes());
        main.put("mergedBytes", big.mergedBytes());
        main.put("renderMs", ms(big.renderNs()));
        main.put("mergeMs", ms(big.mergeNs()));
        main.put("replanMs", ms(big.replanNs()));
        main.put("totalMs", ms(big.totalNs()));
        main.put("cpuMs", ms(big.cpuNs()));
        main.put("targetMs", TARGET_MS);
        main.put("ratioToTarget", round(ms(big.totalNs()) / TARGET_MS));
        ObjectNode lin = JSON.createObjectNode();
        lin.put("benchmark", "iis-plan-linearity");
        lin.put("serversPerFarm", SERVERS);
        ArrayNode sizes = lin.putArray("farms");
        ArrayNode totals = lin.putArray("totalMs");
        ArrayNode cpus = lin.putArray("cpuMs");
        ArrayNode perMember = lin.putArray("nsPerMember");
        ArrayNode cpuPerMember = lin.putArray("cpuNsPerMember");
        for (Run r : runs) {
            sizes.add(r.farms());
            totals.add(ms(r.totalNs()));
            cpus.add(ms(r.cpuNs()));
            perMember.add(r.totalNs() / ((long) r.farms() * SERVERS));
            cpuPerMember.add(r.cpuNs() / ((long) r.farms() * SERVERS));
        }
        Run small = runs.get(0);
        double smallPer = (double) small.totalNs() / (small.farms() * SERVERS);
        double bigPer = (double) big.totalNs() / (big.farms() * SERVERS);
        double smallCpu = (double) small.cpuNs() / (small.farms() * SERVERS);
        double bigCpu = (double) big.cpuNs() / (big.farms() * SERVERS);
        lin.put("ratioPerMemberLargestToSmallest", round(bigPer / smallPer));
        lin.put("cpuRatioPerMemberLargestToSmallest", round(bigCpu / smallCpu));
        lin.put("linear", bigCpu / smallCpu < 1.5);
        return List.of(main, lin);
    }

    /**
     * @param row a row of {@link #measure()}
     * @return one line for people
     */
    public static String describe(ObjectNode row) {
        if (row.path("benchmark").asText().equals("iis-plan")) {
            return String.format("IIS render + merge + re-plan, %d farms x %d servers into a %,d-byte file: %.0f ms "
                            + "(render %.0f, merge %.0f, re-plan %.0f; CPU %.0f ms), merged file %,d bytes; "
                            + "target %.0f ms, ratio %.2f",
                    row.path("farms").asInt(), row.path("serversPerFarm").asInt(), row.path("baseBytes").asInt(),
                    row.path("totalMs").asDouble(), row.path("renderMs").asDouble(), row.path("mergeMs").asDouble(),
                    row.path("replanMs").asDouble(), row.path("cpuMs").asDouble(), row.path("mergedBytes").asInt(),
                    row.path("targetMs").asDouble(), row.path("ratioToTarget").asDouble());
        }
        return String.format("IIS linearity, farms %s x %d servers: wall ms %s, CPU ms %s; per farm member wall ns %s, "
                        + "CPU ns %s; largest/smallest per member: wall %.2f, CPU %.2f (%s)", row.path("farms"),
                row.path("serversPerFarm").asInt(), row.path("totalMs"), row.path("cpuMs"), row.path("nsPerMember"),
                row.path("cpuNsPerMember"), row.path("ratioPerMemberLargestToSmallest").asDouble(),
                row.path("cpuRatioPerMemberLargestToSmallest").asDouble(),
                row.path("linear").asBoolean() ? "linear" : "NOT linear");
    }

    private static byte[] once(Deployment d, byte[] base, long[] t) {
        long t0 = System.nanoTime();
        ArrConfig desired = ArrConfigRenderer.render(d);
        List<String> removed = ArrConfigRenderer.removedRules(d);
        long t1 = System.nanoTime();
        byte[] merged = ApplicationHostConfig.parse(base, "base").merge(desired, removed);
        long t2 = System.nanoTime();
        Plan again = IisAdapter.plan(d, ApplicationHostConfig.parse(merged, "merged"));
        long t3 = System.nanoTime();
        if (!again.isEmpty()) {
            throw new IllegalStateException("re-plan after merge is not empty: " + again.changes().size() + " changes");
        }
        t[0] = t1 - t0;
        t[1] = t2 - t1;
        t[2] = t3 - t2;
        return merged;
    }

    private static long median(long[][] samples, int column) {
        long[] v = Arrays.stream(samples).mapToLong(s -> s[column]).sorted().toArray();
        return v[v.length / 2];
    }

    private static double ms(long ns) {
        return round(ns / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A realistic applicationHost.config of about {@code size} bytes: ARR installed, many app pools and sites. */
    static byte[] baseFile(int size) {
        StringBuilder pools = new StringBuilder();
        StringBuilder sites = new StringBuilder();
        int i = 0;
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<configuration>\r\n"
                + "    <!-- hakit benchmark base file: IIS 10 with URL Rewrite and ARR -->\r\n"
                + "    <configSections>\r\n"
                + "        <sectionGroup name=\"system.applicationHost\">\r\n"
                + "            <section name=\"applicationPools\" allowDefinition=\"AppHostOnly\" overrideModeDefault=\"Deny\" />\r\n"
                + "            <section name=\"sites\" allowDefinition=\"AppHostOnly\" overrideModeDefault=\"Deny\" />\r\n"
                + "        </sectionGroup>\r\n"
                + "        <sectionGroup name=\"system.webServer\">\r\n"
                + "            <section name=\"proxy\" overrideModeDefault=\"Deny\" allowDefinition=\"AppHostOnly\" />\r\n"
                + "            <sectionGroup name=\"rewrite\">\r\n"
                + "                <section name=\"globalRules\" overrideModeDefault=\"Deny\" allowDefinition=\"AppHostOnly\" />\r\n"
                + "            </sectionGroup>\r\n"
                + "        </sectionGroup>\r\n"
                + "        <section name=\"webFarms\" overrideModeDefault=\"Deny\" allowDefinition=\"AppHostOnly\" />\r\n"
                + "    </configSections>\r\n";
        String tail = "    <system.webServer>\r\n        <proxy enabled=\"true\" />\r\n    </system.webServer>\r\n"
                + "    <webFarms>\r\n        <applicationRequestRouting>\r\n            <hostAffinityProviderList>\r\n"
                + "                <add name=\"Microsoft.Web.Arr.HostNameRoundRobin\" />\r\n"
                + "            </hostAffinityProviderList>\r\n        </applicationRequestRouting>\r\n    </webFarms>\r\n"
                + "</configuration>\r\n";
        while (head.length() + tail.length() + pools.length() + sites.length() + 700 < size) {
            pools.append("            <add name=\"Pool").append(i).append("\" managedRuntimeVersion=\"v4.0\" />\r\n");
            sites.append("            <site name=\"Site").append(i).append("\" id=\"").append(i + 2).append("\">\r\n")
                    .append("                <application path=\"/\" applicationPool=\"Pool").append(i).append("\">\r\n")
                    .append("                    <virtualDirectory path=\"/\" physicalPath=\"D:\\sites\\site").append(i)
                    .append("\" />\r\n                </application>\r\n                <bindings>\r\n")
                    .append("                    <binding protocol=\"http\" bindingInformation=\"*:80:site").append(i)
                    .append(".hospital.org\" />\r\n                </bindings>\r\n            </site>\r\n");
            i++;
        }
        String text = head + "    <system.applicationHost>\r\n        <applicationPools>\r\n" + pools
                + "        </applicationPools>\r\n        <sites>\r\n"
                + "            <site name=\"Default Web Site\" id=\"1\">\r\n"
                + "                <application path=\"/\">\r\n"
                + "                    <virtualDirectory path=\"/\" physicalPath=\"%SystemDrive%\\inetpub\\wwwroot\" />\r\n"
                + "                </application>\r\n                <bindings>\r\n"
                + "                    <binding protocol=\"http\" bindingInformation=\"*:80:\" />\r\n"
                + "                </bindings>\r\n            </site>\r\n" + sites + "        </sites>\r\n"
                + "    </system.applicationHost>\r\n" + tail;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Runs the benchmark and prints its lines.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (ObjectNode row : measure()) {
            System.out.println(describe(row));
            System.out.println(row);
        }
    }
}
