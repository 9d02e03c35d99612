package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakit apply}: plan, then apply all of it or nothing, with a progress line per step. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Plan, then apply the changes all or nothing, with a progress line per step.",
            "Devices: --vendor citrix|f5 --url URL --user U --password-env VAR [--ca PEM] [--lb-key PEM] [--save].",
            "IIS: --vendor iis --config applicationHost.config (merged in place after a timestamped backup).",
            "Exit 0: applied or nothing to do; 1: conflicts, or the apply failed (and was rolled back); 2: usage."})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    DeviceOptions device;

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Option(names = "--dry-run", description = "Print the plan; where the device can check it without changing anything (f5), check it.")
    boolean dryRun;

    @Option(names = "--save", description = "Save the running configuration after a successful apply (citrix, f5).")
    boolean save;

    @Option(names = "--sync-group", paramLabel = "NAME", description = "Config-sync to this device group after the apply and wait for In Sync (f5).")
    String syncGroup;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputOptions.Format format;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Target target = device.target(save, Optional.ofNullable(syncGroup), dryRun);
        Deployment d = Topologies.loadValid(file);
        VendorSupport support = Vendors.of(device.vendor);
        boolean json = format == OutputOptions.Format.json;
        PrintWriter out = spec.commandLine().getOut();
        // progress goes to stdout for people, to stderr when stdout carries JSON
        PrintWriter progress = json ? spec.commandLine().getErr() : out;
        try (LoadBalancerAdapter adapter = support.open(target)) {
            Plan plan = adapter.plan(d);
            if (!json || dryRun || !plan.isApplicable()) {
                out.print(json ? plan.toJson() + System.lineSeparator() : plan.toText());
            }
            if (!plan.isApplicable()) {
                out.flush();
                return Hakit.FOUND_WANTING;
            }
            if (dryRun && !support.checksDryRun()) {
                out.println("Dry run: nothing was written.");
                out.flush();
                return Hakit.OK;
            }
            ApplyResult result = adapter.apply(d, plan, new Progress(progress));
            out.println(json ? result.toJson() : result.summary());
            out.flush();
            return result.succeeded() ? Hakit.OK : Hakit.FOUND_WANTING;
        }
    }

    /** One line per step. */
    private static final class Progress implements ApplyListener {
        private final PrintWriter out;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void starting(Change change, int index, int total) {
            out.printf("[%d/%d] %s %s %s%n", index + 1, total, change.op(), change.type(), change.name());
            out.flush();
        }

        @Override
        public void failed(Change change, RuntimeException failure) {
            out.printf("  FAILED %s %s %s: %s%n", change.op(), change.type(), change.name(), Errors.oneLine(failure));
            out.flush();
        }

        @Override
        public void rollingBack(Change change) {
            out.printf("  undo %s %s %s%n", change.op(), change.type(), change.name());
            out.flush();
        }
    }
}
