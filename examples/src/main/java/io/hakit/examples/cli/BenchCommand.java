package io.hakit.examples.cli;

import io.hakit.examples.bench.HealthBench;
import io.hakit.examples.bench.PlanBench;
import picocli.CommandLine.Command;

/** {@code hakit bench}: the benchmarks, each side by side with its anchor. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a benchmark, side by side with its anchor, in one run.",
        subcommands = {PlanBench.class, HealthBench.class})
final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
