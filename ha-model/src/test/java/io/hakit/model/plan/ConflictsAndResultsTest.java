package io.hakit.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.model.Vendor;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConflictsAndResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Change CREATE = Change.create("lbvserver", "ps_web_7002", Map.of("port", 7002));
    private static final Change BIND = Change.bind("lbvserver_servicegroup_binding", "ps_web_7002",
            Map.of("servicegroupname", "sg_web"));

    @Test
    void aPlanWithAConflictIsNotEmptyAndNotApplicable() throws Exception {
        Plan plan = new Plan(Vendor.CITRIX, List.of(), 0,
                List.of(Conflict.foreign("lbvserver", "ps_web_7002", "made by hand")));

        assertThat(plan.isEmpty()).isFalse();
        assertThat(plan.isApplicable()).isFalse();
        assertThat(plan.toText()).contains("! foreign-object lbvserver ps_web_7002")
                .contains("marked 'made by hand'").contains("--adopt")
                .contains("1 conflict stops this plan: nothing will be written");
        JsonNode json = JSON.readTree(plan.toJson());
        assertThat(json.get("conflicts").get(0).get("kind").asText()).isEqualTo("foreign-object");
        assertThat(json.get("conflicts").get(0).get("name").asText()).isEqualTo("ps_web_7002");
    }

    @Test
    void aForeignObjectWithoutMarkerSaysSo() {
        assertThat(Conflict.foreign("ltm/pool", "/Common/pool_7001", "").message())
                .contains("carries no hakit marker");
    }

    @Test
    void ownershipRecognisesOnlyItsOwnMarker() {
        Ownership mine = Ownership.named("example-hospital");

        assertThat(mine.marker()).isEqualTo("hakit:example-hospital");
        assertThat(mine.owns("hakit:example-hospital")).isTrue();
        assertThat(mine.owns(" hakit:example-hospital ")).isTrue();
        assertThat(mine.owns("hakit:other-hospital")).isFalse();
        assertThat(mine.owns(null)).isFalse();
        assertThat(mine.owns("made by hand")).isFalse();
        assertThat(Ownership.isHakit("hakit:other-hospital")).isTrue();
        assertThat(Ownership.isHakit("web farm")).isFalse();
        assertThatThrownBy(() -> Ownership.named(" ")).hasMessageContaining("deploymentName");
    }

    @Test
    void applyJsonHasDesignsKeysAndEachChangesStatus() throws Exception {
        Plan plan = new Plan(Vendor.CITRIX, List.of(CREATE, BIND), 2);
        ApplyResult rolledBack = new ApplyResult(plan, ApplyResult.Outcome.ROLLED_BACK, List.of(), List.of(CREATE),
                3, Optional.of("POST /nitro/v1/config/lbvserver_servicegroup_binding failed with HTTP 599"), 7);

        JsonNode json = JSON.readTree(rolledBack.toJson());

        assertThat(json.get("vendor").asText()).isEqualTo("citrix");
        assertThat(json.get("outcome").asText()).isEqualTo("rolled-back");
        assertThat(json.get("applied").asInt()).isZero();
        assertThat(json.get("rolledBack").asInt()).isEqualTo(1);
        assertThat(json.get("requests").asInt()).isEqualTo(7);
        assertThat(json.get("changes").get(0).get("status").asText()).isEqualTo("rolled-back");
        assertThat(json.get("changes").get(1).get("status").asText()).isEqualTo("not-applied");
        assertThat(json.get("error").asText()).contains("HTTP 599");
        assertThat(rolledBack.summary()).startsWith("Rolled back: nothing changed");
    }

    @Test
    void anUnchangedApplySaysZeroWrites() throws Exception {
        ApplyResult r = new ApplyResult(Plan.empty(Vendor.F5), ApplyResult.Outcome.NOTHING_TO_DO, List.of(), List.of(),
                0, Optional.empty(), 4);

        assertThat(JSON.readTree(r.toJson()).get("outcome").asText()).isEqualTo("unchanged");
        assertThat(JSON.readTree(r.toJson()).has("error")).isFalse();
        assertThat(r.summary()).contains("0 writes");
    }

    @Test
    void auditJsonIsValidatesShapeWithSourceAndDrift() throws Exception {
        Finding f = new Finding("ARR-002", Severity.ERROR, "webFarms/PatientSecure Web Services",
                "SSL offloading is on", "turn it off");
        AuditReport report = new AuditReport(Vendor.IIS, AuditReport.Source.FILE, List.of(f),
                Optional.of(new Plan(Vendor.IIS, List.of(CREATE), 0)));

        JsonNode json = JSON.readTree(report.toJson());

        assertThat(json.get("source").asText()).isEqualTo("file");
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("findings").get(0).get("rule").asText()).isEqualTo("ARR-002");
        assertThat(json.get("drift").get(0).get("op").asText()).isEqualTo("create");
        assertThat(report.isClean()).isFalse();
        assertThat(report.toText()).contains("ERROR ARR-002").contains("Drift from the topology");
    }

    @Test
    void anAuditWithoutTopologyHasNoDriftKey() throws Exception {
        AuditReport report = new AuditReport(Vendor.CITRIX, AuditReport.Source.DEVICE, List.of(), Optional.empty());

        assertThat(JSON.readTree(report.toJson()).has("drift")).isFalse();
        assertThat(report.isClean()).isTrue();
    }
}
