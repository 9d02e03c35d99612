package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.test.CitrixSimulatorTest;
import io.hakit.test.ThrowawayCa;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hakit drill --vendor citrix} against the simulator with no application server answering: the drill must
 * fail before it changes anything, say so in DESIGN's JSON, and exit 1. The passing drill runs in the demo
 * (DemoCommandTest checks its JSON).
 */
@CitrixSimulatorTest
class DrillCommandTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";

    @TempDir
    Path dir;

    CitrixSimulator sim;

    private CliRun run(String command, String... more) {
        return CliRun.onDevice("citrix", sim.url(), command, more);
    }

    @Test
    void withNoServerUpTheDrillFailsChangingNothingAndSaysSoInJson() throws Exception {
        Path key = Files.writeString(dir.resolve("lb.key"),
                ThrowawayCa.create("drill test").issueServer("patientsecure.hospital.org").privateKeyPem());
        CliRun apply = run("apply", CITRIX, "--lb-key", key.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        String before = sim.snapshot().toString();

        // every name goes to a loopback address where nothing listens
        CliRun drill = run("drill", CITRIX, "--resolve", "app1.hospital.org=127.0.0.9", "--resolve",
                "app2.hospital.org=127.0.0.9", "--resolve", "patientsecure.hospital.org=127.0.0.9",
                "--duration", "0s", "--healthy-wait", "0s", "--format", "json");

        assertThat(drill.exitCode()).as(drill.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(drill.out());
        assertThat(json.get("verdict").asText()).isEqualTo("failed");
        assertThat(json.get("restored").asBoolean()).isTrue();
        JsonNode step = json.get("steps").get(0);
        assertThat(step.get("server").asText()).isEqualTo("app1.hospital.org");
        assertThat(step.get("drained").asBoolean()).isFalse();
        assertThat(step.get("probes").asLong()).isZero();
        assertThat(step.get("failed").asLong()).isZero();
        assertThat(step.get("servedBy").isObject()).isTrue();
        assertThat(step.get("enabled").asBoolean()).isFalse();
        assertThat(step.get("healthyAfterMs").asLong()).isEqualTo(-1);
        assertThat(json.get("message").asText()).contains("not every farm is HEALTHY").contains("nothing changed");
        assertThat(drill.err()).contains("drill failed").contains("device restored");
        assertThat(sim.snapshot().toString()).isEqualTo(before);
    }

    @Test
    void aFileDeviceCannotDrill() {
        CliRun r = CliRun.of("drill", "--vendor", "iis", "--config", dir.resolve("applicationHost.config").toString(),
                CITRIX);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("cannot drill");
    }
}
