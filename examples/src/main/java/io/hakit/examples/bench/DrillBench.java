package io.hakit.examples.bench;

import io.hakit.examples.demo.Demo;
import io.hakit.health.drill.DrillReport;
import io.hakit.health.drill.DrillStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hakit bench drill}: the drill's probe rate through the demo's data plane (the Citrix simulator's virtual
 * servers, members read back through NITRO at every new connection) with no pause between rounds: probes per
 * second while each server is drained.
 */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = "The drill's probe rate through the demo's data plane (Citrix simulator), rounds back to back.")
public final class DrillBench implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object with every figure.")
    boolean json;

    @Option(names = "--seconds", defaultValue = "5", description = "Seconds each server stays drained (default ${DEFAULT-VALUE}).")
    int seconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("hakit-bench-drill");
        DrillReport r;
        try {
            r = Demo.drillOnly(dir, Duration.ofSeconds(seconds));
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double window = 2.0 * seconds;
        double rate = r.probes() / window;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf("{\"benchmark\":\"drill\",\"verdict\":\"%s\",\"probes\":%d,\"failed\":%d,\"seconds\":%.1f,"
                    + "\"probesPerSecond\":%.1f}%n", r.verdict().wire(), r.probes(), r.failed(), window, rate);
        } else {
            for (DrillStep s : r.steps()) {
                out.printf("  %-20s out for %d s: %d probes, %d failed (%.1f/s)%n", s.server(), seconds, s.probes(),
                        s.failed(), s.probes() / (double) seconds);
            }
            out.printf("drill %s: %.1f probes per second through the data plane (%d probes, %d failed)%n",
                    r.verdict().wire(), rate, r.probes(), r.failed());
        }
        out.flush();
        return r.passed() ? 0 : 1;
    }
}
