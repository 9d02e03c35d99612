package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.f5.sim.F5Simulator;
import io.hakit.test.F5SimulatorTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command at every edge a user meets answers in one line, with the right exit code and no
 * stack trace: a missing file, a directory, an unreadable certificate, a malformed URL, wrong
 * credentials, an unreachable device, a port in use.
 */
@F5SimulatorTest
class CliEdgesTest {

    private static final String TOPOLOGY = "topologies/reference-f5.yaml";
    private static final Map<String, String> ENV = Map.of("PW", "admin", "BAD", "wrong-password");

    @TempDir
    static Path dir;

    record Edge(String name, List<String> args) {
        @Override
        public String toString() {
            return name + ": hakit " + String.join(" ", args);
        }
    }

    private static List<String> device(String command, String url, String passwordEnv, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--vendor", "f5", "--url", url, "--user", "admin",
                "--password-env", passwordEnv));
        a.addAll(List.of(more));
        return a;
    }

    static Stream<Edge> usageEdges() throws IOException {
        Path missing = dir.resolve("no-such-topology.yaml");
        Path garbagePem = dir.resolve("garbage.pem");
        Files.writeString(garbagePem, "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        Path badCertTopology = dir.resolve("bad-cert.yaml");
        Files.writeString(badCertTopology, "name: t\nenvironment: production\nloadBalancer: { vendor: f5, fqdn: lb.h.org,"
                + " address: 10.0.0.5, certificate: garbage.pem }\nservers: [ { fqdn: a1.h.org }, { fqdn: a2.h.org } ]\n"
                + "services: { web-services: {} }\n");
        List<Edge> edges = new ArrayList<>();
        for (String command : List.of("validate", "health")) {
            edges.add(new Edge("missing file", List.of(command, missing.toString())));
            edges.add(new Edge("directory", List.of(command, dir.toString())));
            edges.add(new Edge("unreadable certificate", List.of(command, badCertTopology.toString())));
        }
        edges.add(new Edge("missing file", List.of("render", "--vendor", "f5", missing.toString())));
        edges.add(new Edge("directory", List.of("render", "--vendor", "as3", dir.toString())));
        edges.add(new Edge("unreadable certificate", List.of("render", "--vendor", "f5", badCertTopology.toString())));
        edges.add(new Edge("unreadable --ca", List.of("health", "--ca", garbagePem.toString(), TOPOLOGY)));
        edges.add(new Edge("missing HL7 file", List.of("hl7", "send", "--endpoint", "127.0.0.1:1", missing.toString())));
        Path hl7 = Files.writeString(dir.resolve("one.hl7"), "MSH|^~\\&|HIS|H|PS|H|20240101000000||ADT^A01|E1|P|2.5\rPID|1\r");
        edges.add(new Edge("unreadable HL7 --ca", List.of("hl7", "send", "--endpoint", "127.0.0.1:1", "--ca",
                garbagePem.toString(), hl7.toString())));
        for (String command : List.of("plan", "apply", "audit")) {
            edges.add(new Edge("missing file", device(command, "http://127.0.0.1:1", "PW", missing.toString())));
            edges.add(new Edge("directory", device(command, "http://127.0.0.1:1", "PW", dir.toString())));
            edges.add(new Edge("malformed URL", device(command, "bigip.hospital.org", "PW", TOPOLOGY)));
            edges.add(new Edge("malformed URL", device(command, "https://bad host:x/", "PW", TOPOLOGY)));
            edges.add(new Edge("unreadable --ca", device(command, "https://127.0.0.1:1", "PW", "--ca",
                    garbagePem.toString(), TOPOLOGY)));
            edges.add(new Edge("unreachable device", device(command, "http://127.0.0.1:1", "PW",
                    "--connect-timeout", "2s", TOPOLOGY)));
            edges.add(new Edge("missing --config", List.of(command, "--vendor", "iis", TOPOLOGY.replace("f5", "iis"))));
        }
        return edges.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageEdges")
    void answersInOneLineWithExit2(Edge edge) {
        CliRun run = CliRun.withEnv(ENV, edge.args().toArray(new String[0]));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("hakit: ").doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(run.err().lines().filter(l -> !l.startsWith("Try '")).count()).as(run.err()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void wrongCredentialsAreOneLineAndWriteNothing(String command, F5Simulator bigip) {
        CliRun run = CliRun.withEnv(ENV, device(command, bigip.url().toString(), "BAD", TOPOLOGY)
                .toArray(new String[0]));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("hakit: ").doesNotContain("wrong-password");
        assertThat(bigip.writeCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void wrongCredentialsOnCitrixAreOneLineAndWriteNothing(String command) {
        try (io.hakit.citrix.sim.CitrixSimulator adc = io.hakit.citrix.sim.CitrixSimulator.builder().start()) {
            CliRun run = CliRun.withEnv(ENV, command, "--vendor", "citrix", "--url", adc.url().toString(), "--user",
                    "admin", "--password-env", "BAD", "topologies/reference-citrix.yaml");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).startsWith("hakit: ").doesNotContain("wrong-password");
            assertThat(adc.writeCount()).isZero();
        }
    }

    static Stream<String> commands() {
        return Stream.of("plan", "apply", "audit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listeners")
    void aPortInUseIsOneLine(List<String> args) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> a = new ArrayList<>(args);
            a.add(Integer.toString(taken.getLocalPort()));

            CliRun run = CliRun.of(a.toArray(new String[0]));

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).contains(Integer.toString(taken.getLocalPort()));
        }
    }

    static Stream<List<String>> listeners() {
        return Stream.of(List.of("simulate", "f5", "--stop-after", "1s", "--port"),
                List.of("simulate", "citrix", "--stop-after", "1s", "--port"),
                List.of("hl7", "listen", "--port"));
    }
}
