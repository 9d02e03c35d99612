package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.iis.internal.ArrPlanner;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

    private final Deployment reference = Fixtures.reference();
    private final ArrConfig desired = ArrConfigRenderer.render(reference);
    private final List<String> removed = ArrConfigRenderer.removedRules(reference);

    private Plan plan(byte[] content) {
        return ArrPlanner.plan(ApplicationHostConfig.parse(content, "applicationHost.config").arr(), desired, removed);
    }

    @Test
    void planAgainstAStockServerCreatesEveryFarmAndRuleAndBindsEveryMissingPort() {
        Plan plan = plan(Fixtures.resource("stock-iis10.config"));
        assertThat(plan.vendor()).isEqualTo(Vendor.IIS);
        assertThat(plan.requests()).isZero();
        assertThat(plan.count(ChangeOp.CREATE)).isEqualTo(desired.farms().size() + desired.rules().size());
        assertThat(plan.changes().stream().filter(c -> c.op() == ChangeOp.BIND).map(c -> c.attributes()
                .get("bindingInformation"))).containsExactly("*:7001:", "*:7002:", "*:7003:", "*:7004:", "*:443:",
                "*:7005:", "*:7006:", "*:7007:");
        Change web = plan.changes().stream().filter(c -> c.name().equals("PatientSecure Web Services")).findFirst()
                .orElseThrow();
        assertThat(web.type()).isEqualTo("webFarm");
        assertThat(web.attributes()).containsEntry("server[app1.hospital.org].applicationRequestRouting.httpsPort", 7002)
                .containsEntry("applicationRequestRouting.healthCheck.minServers", 1L)
                .containsEntry("applicationRequestRouting.affinity.useCookie", true);
        assertThat(plan.toText()).contains("+ webFarm PatientSecure Identity Server");
    }

    @Test
    void planOnAnAlreadyMergedFileIsEmpty() {
        for (String file : List.of("stock-iis10.config", "custom-crlf-bom.config")) {
            byte[] merged = ApplicationHostConfig.parse(Fixtures.resource(file), file).merge(desired, removed);
            Plan plan = plan(merged);
            assertThat(plan.isEmpty()).as(file + ": " + plan.toText()).isTrue();
        }
    }

    @Test
    void aSameNamedFarmWithOtherMembersOrPortsIsAnUpdateAttributeByAttribute() {
        Plan plan = plan(Fixtures.resource("custom-crlf-bom.config"));
        Change identity = plan.changes().stream().filter(c -> c.name().equals("PatientSecure Identity Server"))
                .findFirst().orElseThrow();
        assertThat(identity.op()).isEqualTo(ChangeOp.UPDATE);
        // the file's member app2 is offline and both forward to ARR's default 443; absent attributes count as defaults
        assertThat(identity.before()).containsEntry("server[app2.hospital.org].enabled", false)
                .containsEntry("server[app1.hospital.org].applicationRequestRouting.httpsPort", 443)
                .containsEntry("applicationRequestRouting.healthCheck.minServers", 0L)
                .containsEntry("applicationRequestRouting.healthCheck.interval", "00:01:00");
        assertThat(identity.after()).containsEntry("server[app2.hospital.org].enabled", true)
                .containsEntry("server[app1.hospital.org].applicationRequestRouting.httpsPort", 7001)
                .containsEntry("applicationRequestRouting.healthCheck.minServers", 1L)
                .doesNotContainKey("applicationRequestRouting.loadBalancing.algorithm");
        // the wizard's non-SSL rule is deleted; the SSL rule without a port condition is updated
        assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.DELETE && c.type().equals("rule")
                && c.name().equals("ARR_PatientSecure Identity Server_loadbalance"));
        Change ssl = plan.changes().stream().filter(c -> c.name().equals("ARR_PatientSecure Identity Server_loadbalance_SSL"))
                .findFirst().orElseThrow();
        assertThat(ssl.op()).isEqualTo(ChangeOp.UPDATE);
        assertThat(ssl.after()).containsEntry("conditions", List.of("{HTTPS} ~ ^ON$", "{SERVER_PORT} ~ ^7001$"));
        // nothing foreign appears in the plan
        assertThat(plan.changes()).noneMatch(c -> c.name().contains("Intranet") || c.name().contains("bad"));
        assertThat(plan.conflicts()).isEmpty();
    }

    @Test
    void aMemberHakitDoesNotListIsShownAsRemoved() {
        String extra = Fixtures.text(ApplicationHostConfig.parse(Fixtures.resource("stock-iis10.config"), "s")
                .merge(desired, removed)).replace("<server address=\"app2.hospital.org\" enabled=\"true\">\n"
                        + "                <applicationRequestRouting httpsPort=\"7002\" />\n            </server>",
                "<server address=\"app2.hospital.org\" enabled=\"true\">\n"
                        + "                <applicationRequestRouting httpsPort=\"7002\" />\n            </server>\n"
                        + "            <server address=\"old.hospital.org\" enabled=\"true\" />");
        Plan plan = plan(extra.getBytes(StandardCharsets.UTF_8));
        assertThat(plan.changes()).hasSize(1);
        Change web = plan.changes().get(0);
        assertThat(web.name()).isEqualTo("PatientSecure Web Services");
        assertThat(web.after()).containsEntry("server[old.hospital.org].enabled", ArrPlanner.REMOVED);
    }
}
