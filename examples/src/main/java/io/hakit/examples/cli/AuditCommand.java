package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Deployment;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.validate.AuditReport;
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

/** {@code hakit audit}: judge what is really configured by the guide's rules; with a topology, also the drift. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Read what is configured on the device (or in the file) and judge it by the guide's rules;",
            "with a topology, also list the drift from it. Needs no topology: for a load balancer set up by hand.",
            "Judges the deployment's objects only (with a topology: its own and those it names; without one: the",
            "PatientSecure deployments found); other applications' objects are counted, listed with --verbose.",
            "Exit 0: no errors and no drift; 1: errors or drift found; 2: the input could not be read."})
final class AuditCommand implements Callable<Integer> {

    @Mixin
    DeviceOptions device;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "The topology file to compare with (optional).")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputOptions.Format format;

    @Option(names = "--verbose", description = "List the objects of other applications left out of the audit; show stack traces of unexpected errors.")
    boolean verbose;

    @Option(names = "--all", description = "Judge every object on the device or in the file, not only the deployment's.")
    boolean all;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Target target = device.target(false, Optional.empty(), false);
        Optional<Deployment> d = Optional.ofNullable(file).map(Topologies::loadValid);
        VendorSupport support = Vendors.of(device.vendor);
        AuditReport report;
        try (LoadBalancerAdapter adapter = support.open(target)) {
            report = adapter.audit(d, all);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputOptions.Format.json ? report.toJson() + System.lineSeparator() : report.toText(verbose));
        out.flush();
        return report.isClean() ? Hakit.OK : Hakit.FOUND_WANTING;
    }
}
