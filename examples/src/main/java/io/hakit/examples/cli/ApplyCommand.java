package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Deployment;
import io.hakit.model.AuthenticationException;
import io.hakit.model.DeviceException;
import io.hakit.model.HakitException;
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
            "Exit 0: applied or nothing to do; 1: conflicts, a device failure or a failed apply or save (stderr says the",
            "device's state, read back); 2: usage."})
final class ApplyCommand implements Callable<Integer> {

    @Mixin
    DeviceOptions device;

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Option(names = "--dry-run", description = "Print the plan; where the device can check it without changing anything (f5), check it.")
    boolean dryRun;

    @Option(names = "--save", description = "Save the running configuration after a successful apply, and whenever the device has unsaved changes even with nothing to apply (citrix, f5); a failed save exits 1.")
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
        Plan plan = null;
        try (LoadBalancerAdapter adapter = support.open(target)) {
            plan = adapter.plan(d);
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
            ApplyResult result;
            try {
                result = adapter.apply(d, plan, new Progress(progress));
            } catch (HakitException e) {
                out.flush();
                spec.commandLine().getErr().println("hakit: apply failed: " + Errors.oneLine(e) + "; "
                        + stateAfter(adapter, d, plan));
                return Hakit.FOUND_WANTING;
            }
            out.println(json ? result.toJson() : result.summary());
            out.flush();
            if (!result.succeeded()) {
                spec.commandLine().getErr().println("hakit: apply failed: " + result.failure().orElse(result.summary()));
            }
            return result.succeeded() ? Hakit.OK : Hakit.FOUND_WANTING;
        } catch (HakitException e) {
            boolean deviceSaidNo = e instanceof DeviceException && !(e instanceof AuthenticationException);
            if (plan == null && !deviceSaidNo) {
                // unreadable input, a refused login or an unreachable device: reported as plan and audit report
                // them (exit 2, one line); nothing was written
                throw e;
            }
            // the device failed before apply began (answering its reads with errors): only reads were sent
            out.flush();
            spec.commandLine().getErr().println("hakit: " + Errors.oneLine(e) + "; "
                    + (plan == null ? "nothing was written to the device (hakit had only read it)"
                            : "the device is as it was"));
            return Hakit.FOUND_WANTING;
        }
    }

    /** A sentence on the device's state after an apply that threw: the device read back and compared. */
    private static String stateAfter(LoadBalancerAdapter adapter, Deployment d, Plan before) {
        try {
            Plan now = adapter.plan(d);
            if (now.changes().equals(before.changes())) {
                return "read back: the device is as it was before this apply";
            }
            long stayed = before.changes().stream().filter(c -> !now.changes().contains(c)).count();
            return "read back: the device is not as before: " + stayed + " of the plan's changes are on it and "
                    + now.changes().size() + " remain to apply (run plan to see them)";
        } catch (HakitException again) {
            return "the device could not be read back (" + Errors.oneLine(again) + "): its state is unknown, run "
                    + "plan to see it";
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
