package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Renderer;
import io.hakit.f5.F5Type;
import io.hakit.f5.IControlClient;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.sim.RecordedRequest;
import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.cert.Pem;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The F5 rows of {@code hakit bench plan}, all measured in one run against {@link F5Simulator} on loopback:
 * requests and time to converge the reference deployment from empty in one transaction and to re-plan it,
 * beside the per-object approach of the Terraform provider and the Ansible modules (a GET and a write per
 * object, outside any transaction; once with one session, once with a login per object as their per-task or
 * per-resource sessions do), and the client CPU to plan 500 services x 10 servers.
 */
public final class F5PlanBench {

    /** Target: requests to converge from empty (login, reads, a write per object, commit, save, logout). */
    public static final int TARGET_CONVERGE_REQUESTS = 60;
    /** Target: GETs to re-plan a converged device. */
    public static final int TARGET_REPLAN_GETS = 12;
    /** Target: client CPU to plan 500 services x 10 servers, ms. */
    public static final double TARGET_PLAN_CPU_MS = 1000.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RUNS = 5;

    private F5PlanBench() {
    }

    /**
     * Runs every F5 figure.
     *
     * @return one JSON object per figure, each with a {@code "benchmark"} key
     */
    public static List<ObjectNode> measure() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ThrowawayCa ca = ThrowawayCa.create("F5 bench CA");
        ThrowawayCa.Issued lb = ca.issueServer("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
        Path dir;
        try {
            dir = Files.createTempDirectory("hakit-f5-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path key = write(dir.resolve("lb.key"), lb.privateKeyPem());
            Deployment reference = reference(ca, lb);
            List<ObjectNode> rows = new ArrayList<>();
            rows.addAll(reference(reference, key));
            rows.add(planCpu(ca, lb, key));
            return rows;
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temp files only
            }
        }
    }

    private static Path write(Path p, String text) {
        try {
            return Files.writeString(p, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Deployment reference(ThrowawayCa ca, ThrowawayCa.Issued lb) {
        List<Server> servers = List.of(Server.of("app1.hospital.org", ca.issueServer("app1.hospital.org").chain()),
                Server.of("app2.hospital.org", ca.issueServer("app2.hospital.org").chain()));
        List<Service> services = new ArrayList<>();
        for (ServiceType t : ServiceType.values()) {
            if (t != ServiceType.EMPI) {
                services.add(Service.of(t));
            }
        }
        return deployment("example-hospital", lb, ca, servers, services);
    }

    private static Deployment deployment(String name, ThrowawayCa.Issued lb, ThrowawayCa ca, List<Server> servers,
            List<Service> services) {
        return Deployment.builder().name(name).environment(Environment.PRODUCTION)
                .loadBalancer(b -> b.vendor(Vendor.F5).fqdn("patientsecure.hospital.org").address("10.20.0.50")
                        .hl7Fqdn("patientsecurehl7.hospital.org").hl7Address("10.20.0.51").certificate(lb.chain()))
                .servers(servers).trustCa(ca.chain()).services(services).build();
    }

    private static F5Adapter adapter(F5Simulator sim, Path key) {
        return F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(key).save(true).build();
    }

    private static List<ObjectNode> reference(Deployment d, Path key) {
        long[] convergeNs = new long[RUNS];
        long[] replanNs = new long[RUNS];
        long[] perObjectNs = new long[RUNS];
        long[] perObjectReplanNs = new long[RUNS];
        int requests = 0;
        int gets = 0;
        int writes = 0;
        int transactions = 0;
        int objects = 0;
        int replanRequests = 0;
        int replanGets = 0;
        int replanWrites = 0;
        int perObject = 0;
        int perObjectSessions = 0;
        int perObjectReplan = 0;
        for (int run = -1; run < RUNS; run++) { // run -1 warms up
            try (F5Simulator sim = F5Simulator.builder().start()) {
                long t0 = System.nanoTime();
                try (F5Adapter a = adapter(sim, key)) {
                    Plan plan = a.plan(d);
                    ApplyResult r = a.apply(d, plan, ApplyListener.NONE);
                    if (r.outcome() != ApplyResult.Outcome.APPLIED) {
                        throw new IllegalStateException("the reference apply did not succeed: " + r.summary());
                    }
                    objects = plan.changes().size();
                }
                long t1 = System.nanoTime();
                List<RecordedRequest> all = sim.requests();
                requests = all.size();
                gets = (int) all.stream().filter(q -> q.method().equals("GET")).count();
                writes = sim.writeCount();
                transactions = sim.transactionsCommitted();
                sim.clearRequests();
                int writesBefore = sim.writeCount();
                long t2 = System.nanoTime();
                try (F5Adapter a = adapter(sim, key)) {
                    if (!a.plan(d).isEmpty()) {
                        throw new IllegalStateException("the re-plan of a converged device is not empty");
                    }
                }
                long t3 = System.nanoTime();
                replanRequests = sim.requests().size();
                replanGets = (int) sim.requests().stream().filter(q -> q.method().equals("GET")).count();
                replanWrites = sim.writeCount() - writesBefore;
                if (run >= 0) {
                    convergeNs[run] = t1 - t0;
                    replanNs[run] = t3 - t2;
                }
            }
            try (F5Simulator sim = F5Simulator.builder().start()) {
                long t0 = System.nanoTime();
                perObjectConverge(sim, d, key, false);
                long t1 = System.nanoTime();
                perObject = sim.requests().size();
                sim.clearRequests();
                long t2 = System.nanoTime();
                perObjectReplan(sim, d);
                long t3 = System.nanoTime();
                perObjectReplan = sim.requests().size();
                if (run >= 0) {
                    perObjectNs[run] = t1 - t0;
                    perObjectReplanNs[run] = t3 - t2;
                }
            }
            try (F5Simulator sim = F5Simulator.builder().start()) {
                perObjectConverge(sim, d, key, true);
                perObjectSessions = sim.requests().size();
            }
        }
        ObjectNode converge = JSON.createObjectNode();
        converge.put("benchmark", "f5ConvergeReference");
        converge.put("objects", objects);
        converge.put("requests", requests);
        converge.put("gets", gets);
        converge.put("writes", writes);
        converge.put("transactions", transactions);
        converge.put("msMedian", ms(median(convergeNs)));
        converge.put("targetRequests", TARGET_CONVERGE_REQUESTS);
        converge.put("perObjectRequests", perObject);
        converge.put("perObjectMsMedian", ms(median(perObjectNs)));
        converge.put("perObjectSessionPerObjectRequests", perObjectSessions);
        converge.put("requestRatio", round((double) perObject / requests));
        converge.put("sessionPerObjectRequestRatio", round((double) perObjectSessions / requests));
        converge.put("timeRatio", round((double) median(perObjectNs) / median(convergeNs)));
        converge.put("met", requests <= TARGET_CONVERGE_REQUESTS && transactions == 1);
        ObjectNode replan = JSON.createObjectNode();
        replan.put("benchmark", "f5ReplanReference");
        replan.put("requests", replanRequests);
        replan.put("gets", replanGets);
        replan.put("writes", replanWrites);
        replan.put("msMedian", ms(median(replanNs)));
        replan.put("targetGets", TARGET_REPLAN_GETS);
        replan.put("perObjectRequests", perObjectReplan);
        replan.put("perObjectMsMedian", ms(median(perObjectReplanNs)));
        replan.put("requestRatio", round((double) perObjectReplan / replanRequests));
        replan.put("met", replanGets <= TARGET_REPLAN_GETS && replanWrites == 0);
        return List.of(converge, replan);
    }

    /** The anchors' way: a GET and a write per object, no transaction; optionally a login per object. */
    private static void perObjectConverge(F5Simulator sim, Deployment d, Path key, boolean sessionPerObject) {
        List<F5Object> objects = F5Renderer.create().render(d).objects();
        IControlClient session = sessionPerObject ? null : client(sim);
        try {
            for (F5Object o : objects) {
                IControlClient c = sessionPerObject ? client(sim) : session;
                try {
                    if (o.type() == F5Type.SSL_CERT || o.type() == F5Type.SSL_KEY) {
                        c.upload(o.name(), content(d, o.name(), key));
                    }
                    if (c.find(o.itemPath()).isEmpty()) {
                        c.post(o.type().collection(), o.body());
                    }
                } finally {
                    if (sessionPerObject) {
                        c.close();
                    }
                }
            }
            IControlClient c = sessionPerObject ? client(sim) : session;
            c.saveConfig();
            if (sessionPerObject) {
                c.close();
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private static void perObjectReplan(F5Simulator sim, Deployment d) {
        try (IControlClient c = client(sim)) {
            for (F5Object o : F5Renderer.create().render(d).objects()) {
                c.find(o.itemPath());
            }
        }
    }

    private static IControlClient client(F5Simulator sim) {
        return IControlClient.builder().url(sim.url()).credentials("admin", "admin").build();
    }

    private static byte[] content(Deployment d, String file, Path key) {
        try {
            switch (file) {
                case F5Renderer.LB_KEY:
                    return Files.readAllBytes(key);
                case F5Renderer.TRUST_CA:
                    return pem(d.trustCa().orElseThrow().certificates());
                default:
                    return pem(d.loadBalancer().certificate().orElseThrow().certificates());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pem(List<java.security.cert.X509Certificate> certs) {
        return Pem.write(certs).getBytes(StandardCharsets.US_ASCII);
    }

    /** Client CPU (this thread) to plan 500 services x 10 servers: from empty, and against the converged device. */
    private static ObjectNode planCpu(ThrowawayCa ca, ThrowawayCa.Issued lb, Path key) {
        SyntheticDeployments synthetic = new SyntheticDeployments();
        Deployment big = deployment("synthetic", lb, ca, synthetic.servers(10), SyntheticDeployments.services(500));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] emptyNs = new long[RUNS];
        long[] convergedNs = new long[RUNS];
        int changes = 0;
        int requests = 0;
        try (F5Simulator sim = F5Simulator.builder().transactionTimeout(java.time.Duration.ofMinutes(10)).start();
                F5Adapter a = F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(key).build()) {
            for (int run = -2; run < RUNS; run++) {
                long c0 = cpu.getCurrentThreadCpuTime();
                Plan p = a.plan(big);
                long c1 = cpu.getCurrentThreadCpuTime();
                changes = p.changes().size();
                if (run >= 0) {
                    emptyNs[run] = c1 - c0;
                }
            }
            ApplyResult r = a.apply(big, a.plan(big), ApplyListener.NONE);
            if (!r.succeeded()) {
                throw new IllegalStateException("the 500 x 10 apply did not succeed: " + r.summary());
            }
            for (int run = -2; run < RUNS; run++) {
                sim.clearRequests();
                long c0 = cpu.getCurrentThreadCpuTime();
                Plan p = a.plan(big);
                long c1 = cpu.getCurrentThreadCpuTime();
                if (!p.isEmpty()) {
                    throw new IllegalStateException("the 500 x 10 re-plan is not empty");
                }
                requests = sim.requests().size();
                if (run >= 0) {
                    convergedNs[run] = c1 - c0;
                }
            }
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("benchmark", "f5Plan500x10");
        o.put("services", 500);
        o.put("servers", 10);
        o.put("changesFromEmpty", changes);
        o.put("cpuMsFromEmpty", ms(median(emptyNs)));
        o.put("cpuMsConverged", ms(median(convergedNs)));
        o.put("replanRequests", requests);
        o.put("targetCpuMs", TARGET_PLAN_CPU_MS);
        o.put("ratioToTarget", round(Math.max(median(emptyNs), median(convergedNs)) / 1e6 / TARGET_PLAN_CPU_MS));
        o.put("met", Math.max(median(emptyNs), median(convergedNs)) / 1e6 < TARGET_PLAN_CPU_MS);
        return o;
    }

    private static long median(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double ms(long ns) {
        return round(ns / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /**
     * @param row one row of {@link #measure()}
     * @return a line for people
     */
    public static String describe(ObjectNode row) {
        switch (row.path("benchmark").asText()) {
            case "f5ConvergeReference":
                return String.format("f5 converge reference from empty: %d requests (%d GETs, %d writes, %d transaction)"
                        + " in %.1f ms [target <= %d requests, 1 transaction]; per-object approach %d requests"
                        + " (%d with a session per object) in %.1f ms: %.1fx / %.1fx the requests, %.1fx the time",
                        row.path("requests").asInt(), row.path("gets").asInt(), row.path("writes").asInt(),
                        row.path("transactions").asInt(), row.path("msMedian").asDouble(),
                        row.path("targetRequests").asInt(), row.path("perObjectRequests").asInt(),
                        row.path("perObjectSessionPerObjectRequests").asInt(), row.path("perObjectMsMedian").asDouble(),
                        row.path("requestRatio").asDouble(), row.path("sessionPerObjectRequestRatio").asDouble(),
                        row.path("timeRatio").asDouble());
            case "f5ReplanReference":
                return String.format("f5 re-plan converged reference: %d requests (%d GETs, %d writes) in %.1f ms "
                        + "[target <= %d GETs, 0 writes]; per-object approach %d requests in %.1f ms (%.1fx)",
                        row.path("requests").asInt(), row.path("gets").asInt(), row.path("writes").asInt(),
                        row.path("msMedian").asDouble(), row.path("targetGets").asInt(),
                        row.path("perObjectRequests").asInt(), row.path("perObjectMsMedian").asDouble(),
                        row.path("requestRatio").asDouble());
            case "f5Plan500x10":
                return String.format("f5 plan 500 services x 10 servers: client CPU %.1f ms from empty (%d changes), "
                        + "%.1f ms converged (%d requests) [target < %.0f ms CPU]",
                        row.path("cpuMsFromEmpty").asDouble(), row.path("changesFromEmpty").asInt(),
                        row.path("cpuMsConverged").asDouble(), row.path("replanRequests").asInt(),
                        row.path("targetCpuMs").asDouble());
            default:
                return row.toString();
        }
    }

    /**
     * Prints the rows (for running the F5 figures alone).
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
