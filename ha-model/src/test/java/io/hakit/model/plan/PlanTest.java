package io.hakit.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.Vendor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

    @Test
    void anEmptyPlanSaysTheDeviceMatches() {
        Plan plan = Plan.empty(Vendor.CITRIX);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.toText()).contains("No changes").contains("citrix");
    }

    @Test
    void anUpdateKeepsOnlyTheAttributesThatDiffer() {
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("persistencetype", "COOKIEINSERT");
        current.put("timeout", 2);
        current.put("port", 7002);
        Change c = Change.update("lbvserver", "ps-web", current,
                Map.of("persistencetype", "SOURCEIP", "timeout", 10, "port", 7002));

        assertThat(c.after()).containsOnlyKeys("persistencetype", "timeout");
        assertThat(c.before()).containsEntry("persistencetype", "COOKIEINSERT").containsEntry("timeout", 2);
        assertThat(c.isNoOp()).isFalse();
        assertThat(Change.update("lbvserver", "ps-web", current, current).isNoOp()).isTrue();
    }

    @Test
    void textShowsEveryChangeAndASummary() {
        Plan plan = new Plan(Vendor.CITRIX, List.of(
                Change.create("servicegroup", "ps-web", Map.of("servicetype", "SSL")),
                Change.update("lbvserver", "ps-web", Map.of("timeout", 2), Map.of("timeout", 10)),
                Change.bind("lbvserver_servicegroup_binding", "ps-web", Map.of("servicegroupname", "ps-web")),
                Change.delete("lbvserver", "old", Map.of("port", 7010))), 4);

        String text = plan.toText();

        assertThat(text).contains("+ servicegroup ps-web").contains("servicetype: SSL")
                .contains("~ lbvserver ps-web").contains("timeout: 2 -> 10")
                .contains("> lbvserver_servicegroup_binding ps-web")
                .contains("- lbvserver old")
                .contains("Plan: 1 to create, 1 to update, 1 to delete, 1 to bind, 0 to unbind (4 requests).");
    }

    @Test
    void jsonHasTheContractShape() throws Exception {
        Plan plan = new Plan(Vendor.F5, List.of(
                Change.create("ltm/pool", "ps_web", Map.of("loadBalancingMode", "round-robin")),
                Change.update("ltm/virtual", "ps_web_vs", Map.of("persist", "cookie"), Map.of("persist", "source_addr"))),
                1);

        JsonNode json = new ObjectMapper().readTree(plan.toJson());

        assertThat(json.get("vendor").asText()).isEqualTo("f5");
        assertThat(json.get("requests").asInt()).isEqualTo(1);
        JsonNode first = json.get("changes").get(0);
        assertThat(first.get("op").asText()).isEqualTo("create");
        assertThat(first.get("type").asText()).isEqualTo("ltm/pool");
        assertThat(first.get("name").asText()).isEqualTo("ps_web");
        assertThat(first.get("attributes").get("loadBalancingMode").asText()).isEqualTo("round-robin");
        JsonNode second = json.get("changes").get(1);
        assertThat(second.get("attributes").get("persist").asText()).isEqualTo("source_addr");
        assertThat(second.get("before").get("persist").asText()).isEqualTo("cookie");
    }

    @Test
    void misuseFailsFastNamingTheArgument() {
        assertThatThrownBy(() -> new Plan(Vendor.CITRIX, List.of(), -1)).hasMessageContaining("requests (-1)");
        assertThatThrownBy(() -> Change.create(null, "x", Map.of())).hasMessageContaining("type");
    }

    @Test
    void applyResultSaysWhetherTheDeviceMatches() {
        Plan plan = Plan.empty(Vendor.CITRIX);
        assertThat(new ApplyResult(plan, ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(), 0,
                java.util.Optional.empty()).succeeded()).isTrue();
        assertThat(new ApplyResult(plan, ApplyResult.Outcome.ROLLED_BACK, List.of(), List.of(), 3,
                java.util.Optional.of("HTTP 409")).succeeded()).isFalse();
    }
}
