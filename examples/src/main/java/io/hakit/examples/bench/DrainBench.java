package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberOperations;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.test.ThrowawayDeployment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hakit bench drain}: the requests (and time) a drain and an enable of one server of the reference
 * deployment take on each simulator, side by side with the per-object floor of the same run: a GET and a write per
 * member the server has (issue 17 item 4). The drain's figure includes one read of every member's connections (the
 * wait's first poll; each further poll costs one request per member).
 */
@Command(name = "drain", mixinStandardHelpOptions = true,
        description = {"Benchmark hakit drain and enable against the Citrix and F5 simulators.",
            "Anchor: the per-object floor, a GET and a write per member."})
public final class DrainBench implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVER = "app1.hospital.org";

    @Option(names = "--json", description = "Print one JSON object per benchmark.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ObjectNode> rows = measure();
        PrintWriter out = spec.commandLine().getOut();
        boolean met = true;
        for (ObjectNode r : rows) {
            out.println(json ? r.toString() : describe(r));
            met &= r.path("changeRequests").asInt() <= r.path("perObjectRequests").asInt();
        }
        out.flush();
        return met ? 0 : 1;
    }

    /** @return one row per vendor and operation */
    public static List<ObjectNode> measure() {
        List<ObjectNode> rows = new ArrayList<>();
        rows.addAll(vendor(Vendor.CITRIX, key -> {
            CitrixSimulator sim = CitrixSimulator.builder().start();
            return new Rig(sim, CitrixAdapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(key).build());
        }));
        rows.addAll(vendor(Vendor.F5, key -> {
            F5Simulator sim = F5Simulator.builder().start();
            return new Rig(sim, F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(key).build());
        }));
        return rows;
    }

    /** A simulator and an adapter on it. */
    private record Rig(AutoCloseable sim, LoadBalancerAdapter adapter) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            adapter.close();
            sim.close();
        }
    }

    private static List<ObjectNode> vendor(Vendor vendor, Function<Path, Rig> start) {
        Path dir;
        try {
            dir = Files.createTempDirectory("hakit-drain-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ThrowawayDeployment written = ThrowawayDeployment.write(vendor, dir);
        Deployment d = written.deployment();
        try (Rig rig = start.apply(written.lbKey())) {
            ApplyResult applied = rig.adapter().apply(d, rig.adapter().plan(d), ApplyListener.NONE);
            if (applied.outcome() != ApplyResult.Outcome.APPLIED) {
                throw new IllegalStateException("the reference apply did not succeed: " + applied.summary());
            }
            MemberOperations ops = (MemberOperations) rig.adapter();
            DrainOptions noWait = DrainOptions.of(o -> o.waitFor(Duration.ZERO));
            // warm up
            for (int i = 0; i < 3; i++) {
                ops.drain(d, SERVER, noWait);
                ops.enable(d, SERVER, DrainOptions.DEFAULTS);
            }
            long t0 = System.nanoTime();
            DrainResult drained = ops.drain(d, SERVER, noWait);
            double drainMs = (System.nanoTime() - t0) / 1e6;
            long t1 = System.nanoTime();
            DrainResult enabled = ops.enable(d, SERVER, DrainOptions.DEFAULTS);
            double enableMs = (System.nanoTime() - t1) / 1e6;
            int members = drained.members().size();
            return List.of(row(vendor, "drain", drained, drainMs, members, members),
                    row(vendor, "enable", enabled, enableMs, members, 0));
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private static ObjectNode row(Vendor vendor, String op, DrainResult r, double ms, int members, int statReads) {
        int floor = 2 * members;
        int changes = r.requests() - statReads;
        return JSON.createObjectNode().put("benchmark", vendor.key() + "-" + op).put("outcome", r.outcome().wire())
                .put("members", members).put("requests", r.requests()).put("connectionReads", statReads)
                .put("changeRequests", changes).put("ms", Math.round(ms * 100) / 100.0)
                .put("perObjectRequests", floor)
                .put("requestRatio", Math.round(100.0 * floor / Math.max(1, changes)) / 100.0);
    }

    private static String describe(ObjectNode r) {
        return String.format("%-14s %2d members: %3d requests (%d to change, %d connection reads) in %7.2f ms;"
                        + " per-object floor %3d requests (%.2fx ours)", r.path("benchmark").asText(),
                r.path("members").asInt(), r.path("requests").asInt(), r.path("changeRequests").asInt(),
                r.path("connectionReads").asInt(), r.path("ms").asDouble(), r.path("perObjectRequests").asInt(),
                r.path("requestRatio").asDouble());
    }
}
