package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Vendor;
import io.hakit.test.F5SimulatorTest;
import io.hakit.test.ThrowawayCa;
import io.hakit.test.ThrowawayDeployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hakit render|plan|apply|audit --vendor f5 / as3 against the F5 simulator. */
@F5SimulatorTest
class F5CommandTest {

    @TempDir
    Path dir;
    F5Simulator sim;
    Path topology;
    Path lbKey;

    @BeforeEach
    void write() {
        ThrowawayDeployment reference = ThrowawayDeployment.write(Vendor.F5, dir);
        topology = reference.topologyFile();
        lbKey = reference.lbKey();
    }

    CliRun device(String command, String... more) {
        String[] withTopology = java.util.Arrays.copyOf(more, more.length + 1);
        withTopology[more.length] = topology.toString();
        return CliRun.onDevice("f5", sim.url(), command, withTopology);
    }

    @Test
    void applyConvergesInOneTransactionWithAProgressLinePerStepAndReplansEmpty() {
        CliRun apply = device("apply", "--lb-key", lbKey.toString(), "--save");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("[1/40] create ltm/node /Common/app1.hospital.org")
                .contains("[40/40] create ltm/virtual").contains("Applied 40 changes");
        assertThat(sim.transactionsCommitted()).isEqualTo(1);
        assertThat(sim.configSaves()).isEqualTo(1);

        CliRun plan = device("plan", "--detailed-exitcode");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("No changes");
        assertThat(sim.activeTokens("admin")).isZero();
    }

    @Test
    void aPlanWithChangesExits2WithDetailedExitcodeAndShowsJson() {
        CliRun plan = device("plan", "--detailed-exitcode", "--lb-key", lbKey.toString(), "--format", "json");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.out()).contains("\"vendor\" : \"f5\"").contains("\"type\" : \"ltm/profile/tcp\"");
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void withoutTheLbKeyApplyIsRefusedBeforeAnyWrite() {
        CliRun apply = device("apply");
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.out()).contains("missing-key").contains("--lb-key");
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void dryRunValidatesOnTheDeviceAndChangesNothing() {
        CliRun apply = device("apply", "--dry-run", "--lb-key", lbKey.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(sim.snapshot().toString()).doesNotContain("ps-tcp-1860");
        assertThat(sim.requests()).anyMatch(r -> r.body().contains("validateOnly"));
    }

    @Test
    void aForeignObjectInTheWayIsAConflictUntilAdopted() {
        sim.create("/mgmt/tm/ltm/profile/tcp", Map.of("name", "ps-tcp-1860", "partition", "Common", "idleTimeout", 300));
        CliRun apply = device("apply", "--lb-key", lbKey.toString());
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.out()).contains("foreign-object").contains("--adopt");
        CliRun adopt = device("apply", "--lb-key", lbKey.toString(), "--adopt");
        assertThat(adopt.exitCode()).as(adopt.err()).isZero();
    }

    @Test
    void wrongPasswordIsOneLine() {
        CliRun run = CliRun.withEnv(Map.of("BIGIP_PASSWORD", "wrong"), "plan", "--vendor", "f5", "--url",
                sim.url().toString(), "--user", "admin", "--password-env", "BIGIP_PASSWORD", topology.toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("wrong user name or password").doesNotContain("Exception");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void auditOfAConvergedDeviceFindsNoError() {
        device("apply", "--lb-key", lbKey.toString());
        CliRun audit = device("audit", "--format", "json");
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
        assertThat(audit.out()).contains("\"source\" : \"device\"");
    }

    @Test
    void renderWritesTheRequestBodiesInTransactionOrderAndTheAs3Declaration() throws IOException {
        Path out = dir.resolve("out");
        CliRun f5 = CliRun.of("render", "--vendor", "f5", "--out", out.toString(), topology.toString());
        assertThat(f5.exitCode()).as(f5.err()).isZero();
        assertThat(Files.readString(out.resolve("00-transaction.txt"))).contains("POST /mgmt/tm/ltm/node  01-ltm-node-app1");
        assertThat(Files.readString(out.resolve("01-ltm-node-app1.hospital.org.json"))).contains("\"tmName\"");
        Path as3 = dir.resolve("as3");
        CliRun decl = CliRun.of("render", "--vendor", "as3", "--out", as3.toString(), topology.toString());
        assertThat(decl.exitCode()).as(decl.err()).isZero();
        assertThat(Files.readString(as3.resolve("as3-declaration.json"))).contains("Service_TCP").doesNotContain("PRIVATE");
    }

    @Test
    void as3OnlyRenders() {
        CliRun run = CliRun.withEnv(Map.of("P", "x"), "plan", "--vendor", "as3", "--url", sim.url().toString(),
                "--user", "admin", "--password-env", "P", topology.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("as3 only renders; use --vendor f5 to plan and apply");
    }

    @Test
    void simulateF5WithTlsWritesItsCaAndAnswersOverVerifiedHttps() throws Exception {
        Path tls = dir.resolve("tls");
        io.hakit.examples.cli.vendor.SimulatorOptions options = new io.hakit.examples.cli.vendor.SimulatorOptions(0,
                "ops", "pw", java.util.Optional.of(tls));
        try (io.hakit.examples.cli.vendor.RunningSimulator running = new io.hakit.examples.cli.vendor.F5Support()
                .simulate(options).orElseThrow()) {
            assertThat(running.url().getScheme()).isEqualTo("https");
            Path ca = tls.resolve(io.hakit.examples.cli.vendor.F5Support.SIMULATOR_CA);
            try (io.hakit.f5.IControlClient c = io.hakit.f5.IControlClient.builder().url(running.url())
                    .credentials("ops", "pw").tls(io.hakit.model.tls.TlsSettings.builder()
                            .trust(io.hakit.model.cert.Pem.read(ca)).build()).build()) {
                assertThat(c.get("/mgmt/tm/sys/version").toString()).contains("version");
            }
        }
    }

    @Test
    void theTokenCapReachedBySomeoneElseIsOneLineAndNothingIsWritten() {
        try (F5Simulator capped = F5Simulator.builder().tokenCap(1).start();
                io.hakit.f5.IControlClient someoneElse = io.hakit.f5.IControlClient.builder().url(capped.url())
                        .credentials("admin", "admin").build()) {
            someoneElse.get("/mgmt/tm/sys/version");
            CliRun run = CliRun.withEnv(Map.of("BIGIP_PASSWORD", "admin"), "apply", "--vendor", "f5", "--url",
                    capped.url().toString(), "--user", "admin", "--password-env", "BIGIP_PASSWORD", "--lb-key",
                    lbKey.toString(), topology.toString());
            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).contains("already holds the most tokens").doesNotContain("Exception");
            assertThat(run.err().lines().count()).isEqualTo(1);
            assertThat(capped.writeCount()).isZero();
        }
    }
}
