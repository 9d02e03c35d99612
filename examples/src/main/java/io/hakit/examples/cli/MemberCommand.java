package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.iis.IisAdapter;
import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainListener;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberChange;
import io.hakit.model.ops.MemberOperations;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code hakit drain} and {@code hakit enable} share: the device options of plan/apply/audit, the topology and
 * the server, the text (with a progress line) and JSON output, and the exit codes (0 done, 1 refused or failed with
 * one line saying the device's state, 2 usage). For IIS, the PowerShell that does it is written to {@code --out}.
 */
abstract class MemberCommand implements Callable<Integer> {

    @Mixin
    DeviceOptions device;

    @Parameters(index = "0", paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Parameters(index = "1", paramLabel = "SERVER", description = "The application server's FQDN, as in the topology.")
    String server;

    @Option(names = "--out", paramLabel = "DIR", description = "IIS: the directory to write the PowerShell script to.")
    Path out;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputOptions.Format format;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** @return {@code drain} or {@code enable} */
    abstract String verb();

    /** @return the options from the command's own flags */
    abstract DrainOptions options(DrainListener listener);

    abstract DrainResult run(MemberOperations ops, Deployment d, DrainOptions options);

    abstract String script(IisAdapter iis, Deployment d, DrainOptions options);

    @Override
    public Integer call() {
        Target target = device.target(false, Optional.empty(), false);
        Deployment d = Topologies.loadValid(file);
        if (d.server(server).isEmpty()) {
            throw new IllegalArgumentException("SERVER " + server + " is not in the topology (servers: "
                    + String.join(", ", d.servers().stream().map(s -> s.fqdn()).toList()) + ")");
        }
        boolean json = format == OutputOptions.Format.json;
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : stdout;
        DrainOptions options = options(new Progress(progress));
        try (LoadBalancerAdapter adapter = Vendors.of(device.vendor).open(target)) {
            if (adapter instanceof IisAdapter iis) {
                return writeScript(iis, d, options, stdout, json);
            }
            if (!(adapter instanceof MemberOperations ops)) {
                throw new IllegalArgumentException("--vendor " + device.vendor + " cannot " + verb()
                        + " (citrix, f5 or iis)");
            }
            DrainResult result = run(ops, d, options);
            if (json) {
                stdout.println(result.toJson());
            } else {
                text(result, stdout);
            }
            stdout.flush();
            if (!result.succeeded()) {
                spec.commandLine().getErr().println("hakit: " + verb() + " " + result.outcome().wire() + ": "
                        + result.message());
                return Hakit.FOUND_WANTING;
            }
            return Hakit.OK;
        }
    }

    private int writeScript(IisAdapter iis, Deployment d, DrainOptions options, PrintWriter stdout, boolean json) {
        if (out == null) {
            throw new IllegalArgumentException("--vendor iis writes the " + verb()
                    + " script: give --out DIR (and --config applicationHost.config)");
        }
        String script = script(iis, d, options);
        Path target = out.resolve(verb() + "-" + server + ".ps1");
        try {
            Files.createDirectories(out);
            Files.writeString(target, script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        if (json) {
            stdout.println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("vendor", "iis")
                    .put("server", server).put("script", target.toString()));
        } else {
            stdout.println("wrote " + target + ": run it as Administrator on the ARR server (it " + verb()
                    + "s " + server + " through ARR's runtime SetState)");
        }
        stdout.flush();
        return Hakit.OK;
    }

    private void text(DrainResult r, PrintWriter out) {
        for (MemberChange m : r.members()) {
            out.printf("  %-40s %s -> %s, %d connections%n", m.farm(), m.before(), m.after(), m.connections());
        }
        out.printf("%s %s: %s; %d members, HL7 active: %s; %d requests, waited %d ms%n", r.vendor(), r.server(),
                r.outcome().wire(), r.members().size(), r.hl7Active().orElse("-"), r.requests(), r.waitedMs());
    }

    /** The progress line. */
    private static final class Progress implements DrainListener {
        private final PrintWriter out;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void changed(MemberChange member) {
            out.println("  " + member.after() + " " + member.farm());
            out.flush();
        }

        @Override
        public void waiting(long connections, Duration waited, Duration limit) {
            out.printf("  waiting: %d connections, %d s of %d s%n", connections, waited.toSeconds(), limit.toSeconds());
            out.flush();
        }
    }
}
