package io.hakit.examples.cli;

import io.hakit.model.Deployment;
import io.hakit.model.ProductUrl;
import io.hakit.model.topology.TopologyLoader;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakit validate FILE}: load a topology and check it against every rule of the guide. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Load a topology file and check it against every rule of the guide.",
            "Exit 0: no errors; 1: errors found; 2: the file could not be read."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Deployment deployment = TopologyLoader.load(file);
        ValidationReport report = Validator.standard().validate(deployment);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(report.toJson());
        } else {
            printText(out, deployment, report);
        }
        out.flush();
        return report.isValid() ? Hakit.OK : Hakit.FOUND_WANTING;
    }

    private void printText(PrintWriter out, Deployment d, ValidationReport report) {
        out.printf("%s: %s, %s, %d servers, %d services%n", file, d.name(),
                d.vendor() + d.environment().map(e -> " " + e).orElse(""), d.servers().size(),
                d.enabledServices().size());
        for (Severity severity : Severity.values()) {
            List<Finding> findings = report.findings(severity);
            if (findings.isEmpty()) {
                continue;
            }
            out.printf("%n%s (%d)%n", heading(severity), findings.size());
            for (Finding f : findings) {
                out.printf("  %-8s %s%n           at %s%n", f.rule(), f.message(), f.path());
                if (!f.hint().isEmpty()) {
                    out.printf("           fix: %s%n", f.hint());
                }
            }
        }
        out.printf("%nProduct URLs to configure (Advanced Settings):%n");
        for (ProductUrl u : d.productUrls()) {
            out.printf("  %-45s %s%n", u.label(), u.url());
        }
        d.clientConnection().ifPresent(c -> out.printf("  %-45s %s%n", "Client connection (FQDN:port)", c));
        out.printf("%n%d error(s), %d warning(s), %d info%n", report.errors(), report.warnings(), report.infos());
    }

    private static String heading(Severity s) {
        switch (s) {
            case ERROR:
                return "Errors";
            case WARNING:
                return "Warnings";
            default:
                return "Info";
        }
    }
}
