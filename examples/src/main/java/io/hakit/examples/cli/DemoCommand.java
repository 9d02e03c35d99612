package io.hakit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.examples.demo.Demo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakit demo}: the whole product on loopback, with a progress line per step and a summary. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole flow on loopback, with no arguments: validate the reference topology, start",
            "HTTPS stand-ins for the application servers, converge the Citrix and F5 simulators (plan, apply,",
            "re-plan, audit), merge the IIS configuration into a stock applicationHost.config, check health",
            "directly and through the configured virtual servers, stop a server (DEGRADED), and send HL7",
            "through a failover with the active listener stopped mid-stream.",
            "Exit 0: every step did what it should; 1: a step failed."})
final class DemoCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--messages", defaultValue = "300", description = "HL7 messages to send through the failover (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--keep", description = "Keep the scratch directory (topology, certificates, merged applicationHost.config) and print where it is.")
    boolean keep;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (messages < 3) {
            throw new IllegalArgumentException("--messages " + messages + " must be at least 3");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("hakit-demo-");
        Demo.Report report;
        try {
            report = new Demo(messages, dir).run(new Demo.Progress() {
                @Override
                public void starting(int index, int total, String title) {
                    if (!output.json()) {
                        out.printf("[%d/%d] %s ...%n", index, total, title);
                        out.flush();
                    }
                }

                @Override
                public void finished(Demo.Step step) {
                    if (!output.json()) {
                        out.printf("      %s  %s%n", step.ok() ? "ok  " : step.skipped() ? "skip" : "FAIL", step.detail());
                        out.flush();
                    }
                }
            });
        } finally {
            if (!keep) {
                delete(dir);
            }
        }
        if (output.json()) {
            ObjectNode root = JSON.createObjectNode();
            root.put("ok", report.ok());
            root.put("seconds", Math.round(report.elapsed().toMillis() / 100.0) / 10.0);
            ArrayNode steps = root.putArray("steps");
            for (Demo.Step s : report.steps()) {
                ObjectNode n = steps.addObject().put("name", s.name()).put("ok", s.ok()).put("detail", s.detail());
                n.set("figures", JSON.valueToTree(s.figures()));
            }
            report.drill().ifPresent(d -> root.set("drill", DrillJson.of(d)));
            root.put("mermaid", report.diagram());
            if (keep) {
                root.put("directory", dir.toString());
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf("%nThe topology, with the farms' health after app2 stopped (Mermaid; GitHub renders it):%n%n");
            out.printf("```mermaid%n%s```%n%n", report.diagram());
            long failed = report.steps().stream().filter(s -> !s.ok()).count();
            out.printf("%s: %d of %d steps ok in %.1f s.%s%n", failed == 0 ? "Demo passed" : "Demo FAILED",
                    report.steps().size() - failed, report.steps().size(), report.elapsed().toMillis() / 1000.0,
                    keep ? " Files are in " + dir + "." : "");
        }
        out.flush();
        return report.ok() ? Hakit.OK : Hakit.FOUND_WANTING;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a scratch directory left behind is harmless
        }
    }
}
