package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.test.CitrixSimulatorTest;
import io.hakit.test.ThrowawayCa;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hakit drain|enable}: exit codes, the progress line, DESIGN's JSON, IIS's script. */
@CitrixSimulatorTest
class DrainCommandTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";
    private static final String APP1 = "app1.hospital.org";
    private static final String APP2 = "app2.hospital.org";

    @TempDir
    Path dir;

    CitrixSimulator sim;

    @BeforeEach
    void applied() throws Exception {
        Path key = Files.writeString(dir.resolve("lb.key"),
                ThrowawayCa.create("cli test").issueServer("patientsecure.hospital.org").privateKeyPem());
        CliRun apply = run("apply", CITRIX, "--lb-key", key.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
    }

    private CliRun run(String command, String... more) {
        return CliRun.onDevice("citrix", sim.url(), command, more);
    }

    @Test
    void drainAndEnableExitZeroWithAProgressLineAndRestoreTheDevice() {
        JsonNode before = sim.snapshot();
        CliRun drain = run("drain", CITRIX, APP1, "--wait", "0s");
        assertThat(drain.exitCode()).as(drain.err()).isZero();
        assertThat(drain.out()).contains("  disabled hakit-sg-hl7-2244").contains("  waiting: 0 connections")
                .contains("citrix " + APP1 + ": drained;").contains("HL7 active: " + APP2);
        CliRun enable = run("enable", CITRIX, APP1);
        assertThat(enable.exitCode()).as(enable.err()).isZero();
        assertThat(enable.out()).contains("citrix " + APP1 + ": enabled;");
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void jsonHasDesignsShape() throws Exception {
        CliRun drain = run("drain", CITRIX, APP1, "--wait", "0s", "--format", "json");
        assertThat(drain.exitCode()).as(drain.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(drain.out());
        assertThat(j.path("vendor").asText()).isEqualTo("citrix");
        assertThat(j.path("server").asText()).isEqualTo(APP1);
        assertThat(j.path("outcome").asText()).isEqualTo("drained");
        assertThat(j.path("hl7Active").asText()).isEqualTo(APP2);
        assertThat(j.path("requests").asInt()).isPositive();
        assertThat(j.has("waitedMs")).isTrue();
        JsonNode m = j.path("members").get(0);
        assertThat(m.path("farm").asText()).startsWith("hakit-sg-");
        assertThat(m.path("before").asText()).isEqualTo("enabled");
        assertThat(m.path("after").asText()).isEqualTo("disabled");
        assertThat(m.path("connections").isNumber()).isTrue();
        assertThat(drain.err()).contains("waiting:");
    }

    @Test
    void theLastMemberUpIsRefusedWithExitOneAndOneLine() {
        assertThat(run("drain", CITRIX, APP2, "--wait", "0s").exitCode()).isZero();
        int writes = sim.writeCount();
        CliRun refused = run("drain", CITRIX, APP1);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err().strip()).startsWith("hakit: drain refused: " + APP1 + " is the last member up in")
                .contains(APP2).doesNotContain("\n");
        assertThat(sim.writeCount()).isEqualTo(writes);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("drain", CITRIX).exitCode()).isEqualTo(2);
        CliRun unknown = run("drain", CITRIX, "app9.hospital.org");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("SERVER app9.hospital.org is not in the topology");
        assertThat(run("drain", CITRIX, APP1, "--wait", "soon").exitCode()).isEqualTo(2);
    }

    @Test
    void iisWritesThePowerShell() throws Exception {
        Path config = dir.resolve("applicationHost.config");
        Files.copy(Path.of("..", "ha-iis", "src", "test", "resources", "iis", "stock-iis10.config"), config);
        CliRun apply = CliRun.of("apply", "--vendor", "iis", "--config", config.toString(),
                "topologies/reference-iis.yaml");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        Path out = dir.resolve("out");
        CliRun drain = CliRun.of("drain", "--vendor", "iis", "--config", config.toString(), "--out", out.toString(),
                "topologies/reference-iis.yaml", APP1);
        assertThat(drain.exitCode()).as(drain.err()).isZero();
        assertThat(Files.readString(out.resolve("drain-" + APP1 + ".ps1"))).contains("Invoke-SetState $m 1 # Drain");
        CliRun json = CliRun.of("enable", "--vendor", "iis", "--config", config.toString(), "--out", out.toString(),
                "--format", "json", "topologies/reference-iis.yaml", APP1);
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(json.out());
        assertThat(j.path("vendor").asText()).isEqualTo("iis");
        assertThat(j.path("script").asText()).endsWith("enable-" + APP1 + ".ps1");
        assertThat(Files.readString(out.resolve("enable-" + APP1 + ".ps1"))).contains("# Start");
        CliRun noOut = CliRun.of("enable", "--vendor", "iis", "--config", config.toString(),
                "topologies/reference-iis.yaml", APP1);
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out DIR");
    }
}
