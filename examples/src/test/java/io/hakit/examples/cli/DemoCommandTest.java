package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code hakit demo} end to end, as a new user runs it: every step passes, the simulators converge
 * and re-plan empty, the farms turn DEGRADED naming the stopped server, and HL7 loses nothing.
 */
class DemoCommandTest {

    @Test
    void theDemoRunsEveryStepAndExitsZero() throws Exception {
        CliRun run = CliRun.of("demo", "--format", "json", "--messages", "60");

        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> failed = new ArrayList<>();
        json.get("steps").forEach(s -> {
            if (!s.get("ok").asBoolean()) {
                failed.add(s.get("name").asText() + ": " + s.get("detail").asText());
            }
        });
        assertThat(failed).as("failed steps").isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("steps")).extracting(s -> s.get("name").asText())
                .containsExactly("topology", "stand-ins", "citrix", "f5", "iis", "health", "drill", "failure", "hl7", "picture");
        for (String device : List.of("citrix", "f5", "iis")) {
            JsonNode figures = step(json, device).get("figures");
            assertThat(figures.get("changes").asInt()).as(device + " changes").isPositive();
            assertThat(figures.get("replanChanges").asInt()).as(device + " re-plan").isZero();
        }
        assertThat(step(json, "citrix").get("detail").asText()).contains("read back from the ADC");
        assertThat(step(json, "failure").get("detail").asText()).contains("through the load balancer still serving");
        assertThat(step(json, "failure").get("detail").asText()).contains("DEGRADED").contains("app2.hospital.org");
        // no farm has a second member up: the drill fails and the ADC is as it was
        assertThat(step(json, "failure").get("figures").get("drillVerdict").asText()).isEqualTo("failed");
        assertThat(step(json, "failure").get("figures").get("drillRestored").asBoolean()).isTrue();
        JsonNode drill = json.get("drill");
        assertThat(drill.get("verdict").asText()).isEqualTo("passed");
        assertThat(drill.get("restored").asBoolean()).isTrue();
        assertThat(drill.get("steps")).extracting(s -> s.get("server").asText())
                .containsExactly("app1.hospital.org", "app2.hospital.org");
        for (JsonNode s : drill.get("steps")) {
            String other = s.get("server").asText().equals("app1.hospital.org") ? "app2.hospital.org"
                    : "app1.hospital.org";
            assertThat(s.get("drained").asBoolean()).isTrue();
            assertThat(s.get("enabled").asBoolean()).isTrue();
            assertThat(s.get("failed").asLong()).isZero();
            assertThat(s.get("probes").asLong()).isPositive();
            assertThat(s.get("servedBy").get(other).asLong()).isEqualTo(s.get("probes").asLong());
            assertThat(s.get("healthyAfterMs").asLong()).isNotNegative();
        }
        JsonNode hl7 = step(json, "hl7").get("figures");
        assertThat(hl7.get("sent").asInt()).isEqualTo(60);
        assertThat(hl7.get("acknowledged").asInt()).isEqualTo(60);
        assertThat(hl7.get("lost").asInt()).isZero();
        assertThat(json.get("mermaid").asText()).startsWith("flowchart LR").contains("DEGRADED");
    }

    @Test
    void textShowsAProgressLinePerStepAndTheSummary() {
        CliRun run = CliRun.of("demo", "--messages", "30");

        assertThat(run.out()).contains("[1/10] load and validate the reference topology")
                .contains("[10/10] draw the topology").contains("```mermaid").contains("Demo passed: 10 of 10 steps ok");
        assertThat(run.exitCode()).isZero();
    }

    private static JsonNode step(JsonNode json, String name) {
        for (JsonNode s : json.get("steps")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name);
    }
}
