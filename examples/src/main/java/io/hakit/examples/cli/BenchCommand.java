package io.hakit.examples.cli;

import io.hakit.examples.bench.DrillBench;
import io.hakit.examples.bench.HealthBench;
import io.hakit.examples.bench.DrainBench;
import io.hakit.examples.bench.PlanBench;
import io.hakit.examples.bench.Hl7Bench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hakit bench}: a container for the benchmarks, each a subcommand that measures
 * side by side with its anchors in one run.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks, side by side with their anchors, in one run.",
        subcommands = {Hl7Bench.class, HealthBench.class, PlanBench.class, DrainBench.class, DrillBench.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
