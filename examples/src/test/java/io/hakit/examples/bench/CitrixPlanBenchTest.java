package io.hakit.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Citrix bench rows are produced with every figure and the anchors side by side (no timing asserted). */
class CitrixPlanBenchTest {

    @Test
    void measuresTheThreeCitrixFigures() {
        List<ObjectNode> rows = CitrixPlanBench.measure(20, 3); // the full 500 x 10 runs in hakit bench plan
        assertThat(rows).extracting(r -> r.path("benchmark").asText()).containsExactly("citrixConvergeFromEmpty",
                "citrixReplanConverged", "citrixPlanLarge");
        ObjectNode converge = rows.get(0);
        assertThat(converge.path("outcome").asText()).isEqualTo("applied");
        assertThat(converge.path("requests").asInt()).isLessThanOrEqualTo(CitrixPlanBench.TARGET_CONVERGE_REQUESTS);
        assertThat(converge.path("perObjectRequests").asInt()).isGreaterThan(converge.path("requests").asInt());
        ObjectNode replan = rows.get(1);
        assertThat(replan.path("writes").asInt()).isZero();
        assertThat(replan.path("changes").asInt()).isZero();
        assertThat(replan.path("gets").asInt()).isLessThanOrEqualTo(CitrixPlanBench.TARGET_REPLAN_GETS);
        assertThat(rows.get(2).path("replanChanges").asInt()).isZero();
        // 18 (17 until issue 15): a plan also reads /nsconfig/ssl/ for leftover upload files
        assertThat(CitrixPlanBench.describe(rows.get(0))).contains("18 requests in all").contains("per-object");
        assertThat(CitrixPlanBench.describe(rows.get(2))).contains("20 services x 3 servers");
    }
}
