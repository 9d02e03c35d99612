package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.model.ServiceType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hakit bench plan}: the model's benchmarks (JMH, one forked JVM), side by side with
 * their target. Today: building and validating 250, 500 and 1,000 services × 50 servers,
 * against the 500 ms budget for 1,000 × 50, and loading plus validating the largest topology
 * file there can be (every catalog service, 50 servers with their certificates); then each
 * adapter's rows (requests and time to converge and re-plan, beside their anchors).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Benchmark building and validating large deployments (JMH).",
            "Target: 1,000 services x 50 servers in under 500 ms."})
public final class PlanBench implements Callable<Integer> {

    /** The budget for 1,000 services × 50 servers, in milliseconds (issue 2). */
    public static final double TARGET_MS = 500.0;

    @Option(names = "--json", description = "Print one JSON object per benchmark.")
    boolean json;

    @Option(names = "--iterations", defaultValue = "5", description = "Measurement iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ValidateBenchmark.class.getName())
                .include(LoadBenchmark.class.getName())
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgsAppend("-Xmx2g")
                .verbosity(json ? VerboseMode.SILENT : VerboseMode.NORMAL)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() < 4) {
            throw new IllegalStateException("a benchmark failed to run: " + results.size() + " of 4 produced a result"
                    + (json ? " (run without --json to see JMH's output)" : ""));
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        boolean met = true;
        double perUnitAt250 = 0;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().startsWith(LoadBenchmark.class.getName())) {
                int servers = Integer.parseInt(r.getParams().getParam("servers"));
                double ms = r.getPrimaryResult().getScore();
                ObjectNode o = mapper.createObjectNode();
                o.put("benchmark", "loadAndValidate");
                o.put("services", ServiceType.values().length);
                o.put("servers", servers);
                o.put("msPerOp", round(ms));
                o.put("msError", round(r.getPrimaryResult().getScoreError()));
                lines.add(json ? o.toString() : String.format("load + validate a YAML file (%d services, %d servers,"
                        + " %d PEM files): %8.2f ms +- %.2f", ServiceType.values().length, servers, servers + 2, ms,
                        r.getPrimaryResult().getScoreError()));
                continue;
            }
            int services = Integer.parseInt(r.getParams().getParam("services"));
            int servers = Integer.parseInt(r.getParams().getParam("servers"));
            double ms = r.getPrimaryResult().getScore();
            double error = r.getPrimaryResult().getScoreError();
            double perUnitUs = ms * 1000.0 / ((double) services * servers);
            if (services == 250) {
                perUnitAt250 = perUnitUs;
            }
            ObjectNode o = mapper.createObjectNode();
            o.put("benchmark", "validate");
            o.put("services", services);
            o.put("servers", servers);
            o.put("msPerOp", round(ms));
            o.put("msError", round(error));
            o.put("usPerServiceServer", round(perUnitUs));
            if (services == 1000) {
                o.put("targetMs", TARGET_MS);
                o.put("ratioToTarget", round(ms / TARGET_MS));
                met &= ms < TARGET_MS;
            }
            if (perUnitAt250 > 0) {
                o.put("costRatioTo250", round(perUnitUs / perUnitAt250));
            }
            lines.add(json ? o.toString() : String.format("validate %4d services x %d servers: %8.2f ms +- %.2f"
                    + "  (%.3f us per service x server)%s", services, servers, ms, error, perUnitUs,
                    services == 1000 ? String.format("  target < %.0f ms: %.2fx of budget", TARGET_MS, ms / TARGET_MS)
                            : ""));
        }
        // the adapters' rows: requests and time to converge and re-plan, beside their anchors
        for (Adapter a : ADAPTERS) {
            for (ObjectNode row : a.measure().get()) {
                lines.add(json ? row.toString() : a.describe().apply(row));
                if (row.has("met")) {
                    met &= row.get("met").asBoolean();
                }
                if (row.has("ratioToTarget")) {
                    met &= row.get("ratioToTarget").asDouble() < 1.0;
                }
            }
        }
        lines.forEach(out::println);
        out.flush();
        return met ? 0 : 1;
    }

    /** One adapter's benchmark: its rows, and how to describe a row for people. */
    private record Adapter(java.util.function.Supplier<List<ObjectNode>> measure,
            java.util.function.Function<ObjectNode, String> describe) {
    }

    private static final List<Adapter> ADAPTERS = List.of(
            new Adapter(IisPlanBench::measure, IisPlanBench::describe),
            new Adapter(CitrixPlanBench::measure, CitrixPlanBench::describe),
            new Adapter(F5PlanBench::measure, F5PlanBench::describe));

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
