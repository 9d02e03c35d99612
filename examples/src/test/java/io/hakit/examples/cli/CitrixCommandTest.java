package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.test.CitrixSimulatorTest;
import io.hakit.test.ThrowawayCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hakit render|plan|apply|audit --vendor citrix} against the simulator. */
@CitrixSimulatorTest
class CitrixCommandTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";

    @TempDir
    Path dir;

    CitrixSimulator sim;
    private Path key;

    @BeforeEach
    void start() throws Exception {
        key = Files.writeString(dir.resolve("lb.key"),
                ThrowawayCa.create("cli test").issueServer("patientsecure.hospital.org").privateKeyPem());
    }

    private CliRun run(String command, String... more) {
        return CliRun.onDevice("citrix", sim.url(), command, more);
    }

    @Test
    void rendersTheNitroRequestsAndTheCliBatch() throws Exception {
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("render", "--vendor", "citrix", CITRIX, "--out", out.toString());
        assertThat(r.exitCode()).isZero();
        String requests = Files.readString(out.resolve("nitro-requests.json"));
        assertThat(requests).contains("\"/nitro/v1/config/lbvserver\"").contains("SOURCEIP")
                .contains("hakit:example-hospital");
        String batch = Files.readString(out.resolve("ns-batch.conf"));
        assertThat(batch).contains("add server app1.hospital.org app1.hospital.org")
                .contains("bind lb vserver hakit-vs-web-services-7002 hakit-sg-web-services-7002")
                .contains("-backupvserver hakit-vs-hl7-2244-standby1").contains("save ns config");
        assertThat(Files.list(out).map(p -> p.getFileName().toString()))
                .anyMatch(n -> n.startsWith("hakit-lb-cert-") && n.endsWith(".pem"));
        assertThat(Files.list(out).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".key"));
    }

    @Test
    void appliesTheReferenceTopologyWithProgressAndReplansEmpty() {
        CliRun plan = run("plan", CITRIX, "--lb-key", key.toString(), "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out()).contains("+ lbvserver hakit-vs-web-services-7002");

        CliRun apply = run("apply", CITRIX, "--lb-key", key.toString(), "--save");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("[1/").contains("create lbvserver hakit-vs-identity-server-7001")
                .contains("Applied");

        CliRun again = run("plan", CITRIX, "--detailed-exitcode");
        assertThat(again.exitCode()).as(again.err() + again.out()).isZero();
        assertThat(again.out()).contains("No changes");

        CliRun audit = run("audit", CITRIX, "--format", "json");
        assertThat(audit.exitCode()).as(audit.err()).isZero();
        assertThat(audit.out()).contains("\"source\"").contains("device");
    }

    @Test
    void theSimulatorWithTlsIsReachedWithItsCa() {
        Path tls = dir.resolve("tls");
        io.hakit.examples.cli.vendor.CitrixSupport support = new io.hakit.examples.cli.vendor.CitrixSupport();
        try (io.hakit.examples.cli.vendor.RunningSimulator running = support.simulate(
                new io.hakit.examples.cli.vendor.SimulatorOptions(0, "nsroot", "pw", java.util.Optional.of(tls)))
                .orElseThrow()) {
            assertThat(running.url().getScheme()).isEqualTo("https");
            assertThat(tls.resolve("simulator-ca.pem")).exists();
            CliRun trusted = CliRun.withEnv(Map.of("P", "pw"), "apply", "--vendor", "citrix", "--url",
                    running.url().toString(), "--user", "nsroot", "--password-env", "P", "--ca",
                    tls.resolve("simulator-ca.pem").toString(), "--lb-key", key.toString(), CITRIX);
            assertThat(trusted.exitCode()).as(trusted.err()).isZero();
            CliRun untrusted = CliRun.withEnv(Map.of("P", "pw"), "plan", "--vendor", "citrix", "--url",
                    running.url().toString(), "--user", "nsroot", "--password-env", "P", CITRIX);
            assertThat(untrusted.exitCode()).isEqualTo(2);
            assertThat(untrusted.err()).contains("not trusted");
        }
    }

    @Test
    void withoutTheLbKeyApplyIsRefusedBeforeTheFirstWrite() {
        CliRun apply = run("apply", CITRIX);
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.out()).contains("missing-key").contains("--lb-key");
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void aSecondaryNodeIsOneLineAndNoWrites() {
        sim.secondary(true);
        CliRun apply = run("apply", CITRIX, "--lb-key", key.toString());
        assertThat(apply.exitCode()).isNotZero();
        assertThat(apply.err()).contains("SECONDARY").doesNotContain("Exception");
        assertThat(apply.err().lines().count()).isEqualTo(1);
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void aWrongPasswordIsOneLine() {
        CliRun r = CliRun.withEnv(Map.of("ADC_PASSWORD", "wrong"), "plan", "--vendor", "citrix", "--url",
                sim.url().toString(), "--user", "admin", "--password-env", "ADC_PASSWORD", CITRIX);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("wrong");
    }
}
