package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.model.Deployment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakit render --vendor V FILE [--out DIR]}: the vendor configuration a topology needs, as files. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write the configuration the topology needs for one vendor, as files.",
            "Vendors: iis, citrix, f5, as3 (an AS3 declaration), mermaid (a picture of the topology).",
            "Without --out the files are printed, each under a '==> name <==' header.",
            "Exit 0: written; 1: the topology has errors; 2: the input could not be read."})
final class RenderCommand implements Callable<Integer> {

    @Option(names = "--vendor", required = true, paramLabel = "VENDOR", description = "iis, citrix, f5, as3 or mermaid.")
    String vendor;

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the files into this directory (created if missing).")
    Path out;

    @Option(names = "--verbose", description = "Show stack traces of unexpected errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Deployment d = Topologies.loadValid(file);
        VendorSupport support = Vendors.of(vendor);
        Map<String, String> files = support.render(d);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            if (files.size() == 1) {
                stdout.print(files.values().iterator().next());
            } else {
                files.forEach((name, text) -> stdout.printf("==> %s <==%n%s%n", name, text));
            }
        } else {
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new IllegalArgumentException("--out " + out + " is a file, not a directory");
            }
            try {
                Files.createDirectories(out);
                for (Map.Entry<String, String> f : files.entrySet()) {
                    Path target = out.resolve(f.getKey());
                    Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
                    stdout.printf("wrote %s (%,d bytes)%n", target, Files.size(target));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write into " + out + ": " + e.getMessage(), e);
            }
        }
        stdout.flush();
        return Hakit.OK;
    }
}
