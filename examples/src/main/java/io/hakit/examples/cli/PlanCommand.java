package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Deployment;
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

/** {@code hakit plan}: read the device (or file) and print the changes the topology needs. Never writes. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Read the load balancer and print the changes the topology needs; writes nothing.",
            "Devices: --vendor citrix|f5 --url URL --user U --password-env VAR [--ca PEM].",
            "IIS: --vendor iis --config applicationHost.config.",
            "Exit 0: no changes (or changes without --detailed-exitcode); 1: error or conflicts; 2: usage,",
            "or with --detailed-exitcode: changes to make."})
final class PlanCommand implements Callable<Integer> {

    @Mixin
    DeviceOptions device;

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Option(names = "--detailed-exitcode", description = "Exit 0 when there is nothing to change, 2 when there is, 1 on error.")
    boolean detailedExitcode;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputOptions.Format format;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Target target = device.target(false, Optional.empty(), false);
        Deployment d = Topologies.loadValid(file);
        VendorSupport support = Vendors.of(device.vendor);
        Plan plan;
        try (LoadBalancerAdapter adapter = support.open(target)) {
            plan = adapter.plan(d);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputOptions.Format.json ? plan.toJson() + System.lineSeparator() : plan.toText());
        out.flush();
        if (!plan.isApplicable()) {
            return Hakit.FOUND_WANTING;
        }
        return detailedExitcode && !plan.isEmpty() ? 2 : Hakit.OK;
    }
}
