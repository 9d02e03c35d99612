package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hakit bench drain --json}: a row per vendor and operation, with the per-object floor beside it. */
class DrainBenchTest {

    @Test
    void rowsForDrainAndEnablePerVendorBesideTheFloor() throws Exception {
        CliRun r = CliRun.of("bench", "drain", "--json");
        List<JsonNode> rows = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            rows.add(new ObjectMapper().readTree(line));
        }
        assertThat(rows).extracting(j -> j.path("benchmark").asText())
                .containsExactly("citrix-drain", "citrix-enable", "f5-drain", "f5-enable");
        assertThat(rows).allSatisfy(j -> {
            assertThat(j.path("members").asInt()).isPositive();
            assertThat(j.path("perObjectRequests").asInt()).isEqualTo(2 * j.path("members").asInt());
            assertThat(j.path("changeRequests").asInt()).isLessThanOrEqualTo(j.path("perObjectRequests").asInt());
        });
        assertThat(r.exitCode()).as(r.err()).isZero();
    }
}
