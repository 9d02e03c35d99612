package io.hakit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as an ordinary user runs it. The test machine runs as root, where binding port 443
 * would succeed, so the proof is the socket table: after every step, the listening TCP sockets
 * this process owns (read from {@code /proc}) are all on ports an unprivileged user may bind.
 * And a step that fails makes the steps that need it say so instead of failing on their own.
 */
class DemoTest {

    @TempDir
    Path dir;

    @Test
    void theDemoListensOnNoPrivilegedPortAndPasses() {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")) && Files.isDirectory(Path.of("/proc/self/fd")),
                "needs Linux /proc to read this process's listening sockets");
        Set<Integer> listening = new TreeSet<>();
        List<Demo.Step> steps = new ArrayList<>();

        Demo.Report report = new Demo(30, dir).run(new Demo.Progress() {
            @Override
            public void starting(int index, int total, String title) {
            }

            @Override
            public void finished(Demo.Step step) {
                steps.add(step);
                listening.addAll(listeningPortsOfThisProcess());
            }
        });

        assertThat(steps).as("steps").allSatisfy(s -> assertThat(s.ok()).as(s.name() + ": " + s.detail()).isTrue());
        assertThat(report.ok()).isTrue();
        // the stand-ins of two servers, the load balancer's virtual servers and the HL7 listeners
        assertThat(listening).as("ports listened on").hasSizeGreaterThan(10);
        assertThat(listening).as("ports below 1024 need root").allSatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(1024));
    }

    @Test
    void aFailedStepMakesTheStepsThatNeedItSaySkipped() {
        // 192.0.2.1 (TEST-NET-1) is on no interface of this machine: no stand-in can listen there
        Demo.Report report = new Demo(3, dir, "192.0.2.1").run(new Demo.Progress() {
            @Override
            public void starting(int index, int total, String title) {
            }

            @Override
            public void finished(Demo.Step step) {
            }
        });

        assertThat(report.ok()).isFalse();
        assertThat(step(report, "topology").ok()).isTrue();
        Demo.Step standIns = step(report, "stand-ins");
        assertThat(standIns.ok()).isFalse();
        assertThat(standIns.detail()).startsWith("failed: cannot listen on 192.0.2.1");
        for (String later : List.of("health", "failure")) {
            Demo.Step s = step(report, later);
            assertThat(s.skipped()).as(later).isTrue();
            assertThat(s.detail()).isEqualTo("skipped: needs step 2");
        }
        assertThat(report.steps()).extracting(Demo.Step::detail)
                .noneMatch(d -> d.contains("Cannot invoke") || d.contains("NullPointer") || d.contains("null"));
    }

    @Test
    void aFailedTopologySkipsEveryOtherStep() throws IOException {
        // the scratch directory is a file: the first step cannot write the certificates
        Path notADir = Files.writeString(dir.resolve("file"), "x");

        Demo.Report report = new Demo(3, notADir).run(new Demo.Progress() {
            @Override
            public void starting(int index, int total, String title) {
            }

            @Override
            public void finished(Demo.Step step) {
            }
        });

        assertThat(report.steps()).hasSize(10);
        assertThat(report.steps().get(0).ok()).isFalse();
        assertThat(report.steps().subList(1, 10)).allSatisfy(s ->
                assertThat(s.detail()).as(s.name()).isEqualTo("skipped: needs step 1"));
    }

    private static Demo.Step step(Demo.Report report, String name) {
        return report.steps().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name));
    }

    /** The local ports of the TCP sockets in LISTEN state that this process holds open. */
    static Set<Integer> listeningPortsOfThisProcess() {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException e) {
                    // closed while listing
                }
            });
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc/self/fd", e);
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                List<String> lines = Files.readAllLines(p); // read once: the table changes while sockets open
                for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length > 9 && f[3].equals("0A") && inodes.contains(f[9])) {
                        String local = f[1];
                        ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                    }
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + table, e);
            }
        }
        return ports;
    }
}
