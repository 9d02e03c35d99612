package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs a tiny benchmark to check its shape, not its figures (figures are the benchmark's job). */
class BenchCommandTest {

    @Test
    void hl7BenchPrintsOneJsonObjectWithEveryPairRatioAndTheFailover() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Hakit.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("bench", "hl7", "--json", "--messages", "200", "--warmup", "50", "--rounds", "2",
                "--failover-runs", "1", "--ack-timeout", "200ms");
        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("benchmark").asText()).isEqualTo("hl7");
        assertThat(json.get("pairs")).hasSize(5);
        assertThat(json.get("pairs").findValuesAsText("pair")).containsExactly("a", "b", "c", "d", "e");
        assertThat(json.get("pairs").get(0).get("msgPerSec").asDouble()).isPositive();
        assertThat(json.get("ratios").has("oursOverHapiSameHapiServer")).isTrue();
        assertThat(json.get("ratios").has("oursOverRaw")).isTrue();
        assertThat(json.get("failover").get("lost").asInt()).isZero();
        assertThat(json.get("failover").get("reordered").asInt()).isZero();
        assertThat(json.get("failover").get("runs")).hasSize(2);
    }
}
