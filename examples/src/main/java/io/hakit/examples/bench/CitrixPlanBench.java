package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.test.ThrowawayDeployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Citrix rows of {@code hakit bench plan}, measured against the in-process {@link CitrixSimulator}
 * (requests counted at the simulator):
 * <ul>
 * <li>{@code citrixConvergeFromEmpty}: requests in all (login, reads, writes, save, logout) and time to converge
 * the reference deployment on an empty ADC, beside the per-object approach of the Terraform and Ansible tools
 * (a GET and a write per object and binding), run on another empty simulator in the same run;</li>
 * <li>{@code citrixReplanConverged}: GETs, writes and time to re-plan a converged ADC, beside one GET per
 * object;</li>
 * <li>{@code citrixPlanLarge}: the CPU time of planning 500 services × 10 servers on a converged ADC (the
 * planning thread's CPU: reading, parsing, normalising, comparing), against the 1 s target.</li>
 * </ul>
 */
public final class CitrixPlanBench {

    /** Converge from empty in at most this many requests in all. */
    public static final int TARGET_CONVERGE_REQUESTS = 20;
    /** Re-plan a converged ADC in at most this many GETs. */
    public static final int TARGET_REPLAN_GETS = 12;
    /** Plan 500 services × 10 servers in under this much CPU. */
    public static final double TARGET_LARGE_CPU_MS = 1000.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CitrixPlanBench() {
    }

    /**
     * Runs every Citrix measurement.
     *
     * @return one JSON object per figure
     */
    public static List<ObjectNode> measure() {
        return measure(500, 10);
    }

    /**
     * Runs every Citrix measurement, the large plan at the given size.
     *
     * @param services how many services the large plan has (the target is for 500)
     * @param servers how many servers (the target is for 10)
     * @return one JSON object per figure
     */
    public static List<ObjectNode> measure(int services, int servers) {
        Path dir;
        try {
            dir = Files.createTempDirectory("hakit-citrix-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ThrowawayDeployment written = ThrowawayDeployment.write(Vendor.CITRIX, dir);
        Path key = written.lbKey();
        Deployment reference = written.deployment();
        List<ObjectNode> rows = new ArrayList<>();

        // warm up the client, planner and simulator
        for (int i = 0; i < 3; i++) {
            try (CitrixSimulator sim = CitrixSimulator.builder().start();
                    CitrixSimulator other = CitrixSimulator.builder().start()) {
                converge(sim, reference, key);
                perObject(other, reference, key);
            }
        }
        ObjectNode converge = JSON.createObjectNode().put("benchmark", "citrixConvergeFromEmpty");
        ObjectNode replan = JSON.createObjectNode().put("benchmark", "citrixReplanConverged");
        try (CitrixSimulator sim = CitrixSimulator.builder().start();
                CitrixSimulator anchor = CitrixSimulator.builder().start()) {
            long t0 = System.nanoTime();
            ApplyResult r = converge(sim, reference, key);
            double ms = (System.nanoTime() - t0) / 1e6;
            int requests = sim.requests().size();
            long t1 = System.nanoTime();
            perObject(anchor, reference, key);
            double anchorMs = (System.nanoTime() - t1) / 1e6;
            int anchorRequests = anchor.requests().size();
            converge.put("outcome", r.outcome().key()).put("requests", requests).put("writes", r.writes())
                    .put("ms", round(ms)).put("targetRequests", TARGET_CONVERGE_REQUESTS)
                    .put("met", requests <= TARGET_CONVERGE_REQUESTS)
                    .put("perObjectRequests", anchorRequests).put("perObjectMs", round(anchorMs))
                    .put("requestRatio", round((double) anchorRequests / requests))
                    .put("timeRatio", round(anchorMs / ms));

            sim.clearRequests();
            int writes = sim.writeCount();
            long t2 = System.nanoTime();
            Plan again;
            try (CitrixAdapter adc = adapter(sim, null, false)) {
                again = adc.plan(reference);
            }
            double replanMs = (System.nanoTime() - t2) / 1e6;
            long gets = sim.requests().stream().filter(q -> q.method().equals("GET")).count();
            anchor.clearRequests();
            long t3 = System.nanoTime();
            int anchorGets = perObjectReads(anchor, reference);
            double anchorReadMs = (System.nanoTime() - t3) / 1e6;
            replan.put("changes", again.changes().size()).put("gets", gets)
                    .put("writes", sim.writeCount() - writes).put("requests", sim.requests().size())
                    .put("ms", round(replanMs)).put("targetGets", TARGET_REPLAN_GETS)
                    .put("met", gets <= TARGET_REPLAN_GETS && sim.writeCount() == writes && again.isEmpty())
                    .put("perObjectGets", anchorGets).put("perObjectMs", round(anchorReadMs))
                    .put("requestRatio", round((double) anchorGets / Math.max(1, gets)))
                    .put("timeRatio", round(anchorReadMs / replanMs));
        }
        rows.add(converge);
        rows.add(replan);
        rows.add(large(services, servers));
        return rows;
    }

    private static ObjectNode large(int services, int servers) {
        SyntheticDeployments synth = new SyntheticDeployments();
        Deployment d = synth.deployment(synth.servers(servers), SyntheticDeployments.services(services));
        ObjectNode row = JSON.createObjectNode().put("benchmark", "citrixPlanLarge").put("services", services)
                .put("servers", servers);
        Path dir;
        try {
            dir = Files.createTempDirectory("hakit-citrix-bench-large");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CitrixSimulator sim = CitrixSimulator.builder().start()) {
            Path key = write(dir.resolve("lb.key"), "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getEncoder().encodeToString(new byte[64]) + "\n-----END PRIVATE KEY-----\n");
            // plan from empty (CPU of the planning thread), then converge and re-plan
            long cpuEmpty = Long.MAX_VALUE;
            int objects = 0;
            try (CitrixAdapter adc = adapter(sim, key, false)) {
                for (int i = 0; i < 3; i++) {
                    long c0 = CPU.getCurrentThreadCpuTime();
                    Plan p = adc.plan(d);
                    cpuEmpty = Math.min(cpuEmpty, CPU.getCurrentThreadCpuTime() - c0);
                    objects = p.changes().size();
                }
                adc.apply(d, adc.plan(d), ApplyListener.NONE);
            }
            long best = Long.MAX_VALUE;
            double wall = 0;
            int changes = -1;
            try (CitrixAdapter adc = adapter(sim, key, false)) {
                for (int i = 0; i < 5; i++) {
                    long w0 = System.nanoTime();
                    long c0 = CPU.getCurrentThreadCpuTime();
                    Plan p = adc.plan(d);
                    long c = CPU.getCurrentThreadCpuTime() - c0;
                    if (c < best) {
                        best = c;
                        wall = (System.nanoTime() - w0) / 1e6;
                    }
                    changes = p.changes().size();
                }
            }
            double cpuMs = best / 1e6;
            row.put("objects", objects).put("planFromEmptyCpuMs", round(cpuEmpty / 1e6))
                    .put("replanCpuMs", round(cpuMs)).put("replanWallMs", round(wall))
                    .put("replanChanges", changes).put("targetCpuMs", TARGET_LARGE_CPU_MS)
                    .put("met", cpuMs < TARGET_LARGE_CPU_MS && cpuEmpty / 1e6 < TARGET_LARGE_CPU_MS);
        }
        return row;
    }

    /**
     * @param row a row from {@link #measure()}
     * @return one line for people
     */
    public static String describe(ObjectNode row) {
        switch (row.path("benchmark").asText()) {
            case "citrixConvergeFromEmpty":
                return String.format("citrix: converge the reference deployment from empty: %d requests in all"
                                + " (%d writes), %.0f ms; per-object approach: %d requests, %.0f ms (%.1fx the"
                                + " requests); target <= %d requests: %s",
                        row.path("requests").asInt(), row.path("writes").asInt(), row.path("ms").asDouble(),
                        row.path("perObjectRequests").asInt(), row.path("perObjectMs").asDouble(),
                        row.path("requestRatio").asDouble(), row.path("targetRequests").asInt(),
                        row.path("met").asBoolean() ? "met" : "NOT met");
            case "citrixReplanConverged":
                return String.format("citrix: re-plan a converged ADC: %d GETs, %d writes, %d changes, %.0f ms;"
                                + " per-object: %d GETs, %.0f ms; target <= %d GETs and 0 writes: %s",
                        row.path("gets").asInt(), row.path("writes").asInt(), row.path("changes").asInt(),
                        row.path("ms").asDouble(), row.path("perObjectGets").asInt(),
                        row.path("perObjectMs").asDouble(), row.path("targetGets").asInt(),
                        row.path("met").asBoolean() ? "met" : "NOT met");
            default:
                return String.format("citrix: plan %d services x %d servers (%d changes from empty): %.0f ms CPU"
                                + " from empty, %.0f ms CPU to re-plan converged (%.0f ms wall); target < %.0f ms"
                                + " CPU: %s",
                        row.path("services").asInt(), row.path("servers").asInt(), row.path("objects").asInt(),
                        row.path("planFromEmptyCpuMs").asDouble(), row.path("replanCpuMs").asDouble(),
                        row.path("replanWallMs").asDouble(), row.path("targetCpuMs").asDouble(),
                        row.path("met").asBoolean() ? "met" : "NOT met");
        }
    }

    private static ApplyResult converge(CitrixSimulator sim, Deployment d, Path key) {
        try (CitrixAdapter adc = adapter(sim, key, true)) {
            return adc.apply(d, adc.plan(d), ApplyListener.NONE);
        }
    }

    private static CitrixAdapter adapter(CitrixSimulator sim, Path key, boolean save) {
        CitrixAdapter.Builder b = CitrixAdapter.builder().client(client(sim)).save(save);
        if (key != null) {
            b.lbKey(key);
        }
        return b.build();
    }

    private static NitroClient client(CitrixSimulator sim) {
        return NitroClient.builder().url(sim.url()).credentials("admin", "admin")
                .connectTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The anchors' way: for every object and binding, a GET to see whether it is there, then one write. */
    private static void perObject(CitrixSimulator sim, Deployment d, Path key) {
        CitrixConfig config = CitrixRenderer.render(d);
        try (NitroClient c = client(sim)) {
            for (CitrixConfig.CertificateFile f : config.files()) {
                c.list("systemfile", "args=filelocation:%2Fnsconfig%2Fssl%2F,filename:" + f.name());
                c.add(NitroObject.fromDevice("systemfile", Map.of("filename", f.name(), "filelocation",
                        CitrixConfig.SSL_DIRECTORY, "filecontent", Base64.getEncoder().encodeToString(f.pem()
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "fileencoding", "BASE64")));
            }
            for (String k : config.keyFiles().keySet()) {
                c.list("systemfile", "args=filelocation:%2Fnsconfig%2Fssl%2F,filename:" + k);
                c.add(NitroObject.fromDevice("systemfile", Map.of("filename", k, "filelocation", CitrixConfig.SSL_DIRECTORY,
                        "filecontent", Base64.getEncoder().encodeToString(read(key)), "fileencoding", "BASE64")));
            }
            for (NitroObject o : config.objects()) {
                c.get(o.type(), o.name());
                if (o.type().equals("sslservicegroup")) {
                    c.update(o);
                } else {
                    c.add(o);
                }
            }
            c.saveConfig();
        }
    }

    private static int perObjectReads(CitrixSimulator sim, Deployment d) {
        CitrixConfig config = CitrixRenderer.render(d);
        try (NitroClient c = client(sim)) {
            for (NitroObject o : config.objects()) {
                c.get(o.type(), o.name());
            }
        }
        return (int) sim.requests().stream().filter(q -> q.method().equals("GET")).count();
    }

    private static Path write(Path p, String text) {
        try {
            return Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
