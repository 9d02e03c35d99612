package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the audit judges the deployment's farms and rules only, and plan and audit see rule order. */
class ScopeTest {

    /** An operator's catch-all: every plain-HTTP request is redirected to HTTPS, and nothing runs after it. */
    static final String CATCH_ALL = "<rule name=\"HTTP to HTTPS\" stopProcessing=\"true\">\n"
            + "                    <match url=\"(.*)\" />\n"
            + "                    <conditions>\n"
            + "                        <add input=\"{HTTPS}\" pattern=\"^OFF$\" />\n"
            + "                    </conditions>\n"
            + "                    <action type=\"Redirect\" url=\"https://{HTTP_HOST}/{R:1}\" redirectType=\"Permanent\" />\n"
            + "                </rule>\n"
            + "                ";

    /** Another application's server: its farm with SSL offloading on (which the guide would call an error). */
    private static final String FOREIGN_ONLY = "<configuration>\n  <configSections>\n"
            + "    <sectionGroup name=\"system.applicationHost\"><section name=\"sites\" /></sectionGroup>\n"
            + "    <sectionGroup name=\"system.webServer\"><sectionGroup name=\"rewrite\">"
            + "<section name=\"globalRules\" /></sectionGroup></sectionGroup>\n"
            + "    <section name=\"webFarms\" />\n  </configSections>\n"
            + "  <system.applicationHost><sites><site name=\"Default Web Site\" id=\"1\"><bindings>\n"
            + "    <binding protocol=\"http\" bindingInformation=\"*:80:\" />\n"
            + "  </bindings></site></sites></system.applicationHost>\n"
            + "  <system.webServer><rewrite><globalRules>\n"
            + "    <rule name=\"ARR_Payroll_loadbalance\" patternSyntax=\"Wildcard\" stopProcessing=\"true\">\n"
            + "      <match url=\"*\" /><conditions><add input=\"{SERVER_PORT}\" pattern=\"8081\" /></conditions>\n"
            + "      <action type=\"Rewrite\" url=\"http://Payroll/{R:0}\" />\n"
            + "    </rule>\n"
            + "  </globalRules></rewrite></system.webServer>\n"
            + "  <webFarms>\n"
            + "    <webFarm name=\"Payroll\"><server address=\"pay1.hospital.org\" /></webFarm>\n"
            + "  </webFarms>\n</configuration>\n";

    @TempDir
    Path dir;

    private final Deployment reference = Fixtures.reference();

    private Path converged() throws Exception {
        Path file = Fixtures.copy("custom-crlf-bom.config", dir);
        Files.write(file, ApplicationHostConfig.read(file).merge(ArrConfigRenderer.render(reference),
                ArrConfigRenderer.removedRules(reference)));
        return file;
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.message()).toList();
    }

    @Test
    void aConvergedFileBesideForeignFarmsAndRulesAuditsCleanAndCountsThemOutOfScope() throws Exception {
        IisAdapter iis = IisAdapter.builder().config(converged()).build();
        List<String> foreign = List.of("webFarm Intranet Farm", "rule ARR_Intranet Farm_loadbalance",
                "rule Block \"bad\" agents & bots");

        AuditReport withTopology = iis.audit(Optional.of(reference));
        assertThat(rules(withTopology.findings())).isEmpty();
        assertThat(withTopology.isClean()).isTrue();
        assertThat(withTopology.scope()).isEqualTo(AuditReport.Scope.DEPLOYMENT);
        assertThat(withTopology.outOfScope()).containsExactlyElementsOf(foreign);
        assertThat(withTopology.toJson()).contains("\"scope\" : \"deployment\"").contains("\"outOfScope\" : 3")
                .contains("\"webFarm Intranet Farm\"");
        assertThat(withTopology.toText()).contains("Scope: deployment (the topology's objects); 3 objects of other "
                + "applications not judged (--verbose lists them)").doesNotContain("Intranet Farm");
        assertThat(withTopology.toText(true)).contains("  out of scope: webFarm Intranet Farm\n");

        AuditReport found = iis.audit(Optional.empty());
        assertThat(rules(found.findings())).isEmpty();
        assertThat(found.scope()).isEqualTo(AuditReport.Scope.FOUND);
        assertThat(found.outOfScope()).containsExactlyElementsOf(foreign);

        AuditReport all = iis.audit(Optional.of(reference), true);
        assertThat(all.scope()).isEqualTo(AuditReport.Scope.ALL);
        assertThat(all.outOfScope()).isEmpty();
        assertThat(rules(all.findings())).contains("ARR-002 SSL offloading is on for server farm 'Intranet Farm': its "
                + "rules forward to http://Intranet Farm/ only");
        assertThat(all.isClean()).isFalse();
    }

    @Test
    void aFileWithoutPatientSecureAuditsCleanWithoutATopologyAndShowsTheWholeDeploymentMissingWithOne()
            throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.writeString(file, FOREIGN_ONLY, StandardCharsets.UTF_8);
        IisAdapter iis = IisAdapter.builder().config(file).build();

        AuditReport found = iis.audit(Optional.empty());
        assertThat(found.findings()).isEmpty();
        assertThat(found.isClean()).isTrue();
        assertThat(found.outOfScope()).containsExactly("webFarm Payroll", "rule ARR_Payroll_loadbalance");

        AuditReport withTopology = iis.audit(Optional.of(reference));
        assertThat(withTopology.isClean()).isFalse();
        assertThat(withTopology.drift().orElseThrow().count(ChangeOp.CREATE))
                .isEqualTo(ArrConfigRenderer.render(reference).farms().size() + ArrConfigRenderer.render(reference)
                        .rules().size());
        assertThat(withTopology.findings()).allMatch(f -> !f.message().contains("Payroll"));
        assertThat(withTopology.outOfScope()).containsExactly("webFarm Payroll", "rule ARR_Payroll_loadbalance");

        assertThat(rules(iis.audit(Optional.empty(), true).findings())).anyMatch(m -> m.startsWith("ARR-002")
                && m.contains("'Payroll'"));
    }

    @Test
    void aForeignCatchAllAboveHakitsPort80RuleIsAConflictInThePlanAndAnErrorInTheAudit() throws Exception {
        Path file = converged();
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int first = text.indexOf("<rule ");
        Files.writeString(file, text.substring(0, first) + CATCH_ALL + text.substring(first), StandardCharsets.UTF_8);
        IisAdapter iis = IisAdapter.builder().config(file).build();

        Plan plan = iis.plan(reference);
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.isApplicable()).isFalse();
        assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Conflict.Kind.SHADOWED, "HTTP to HTTPS"));
        assertThat(plan.conflicts().get(0).message()).contains("'ARR_PatientSecure Admin Console_loadbalance'")
                .contains("{HTTPS} = OFF, {SERVER_PORT} = 80");
        assertThat(plan.toText()).contains("! shadowed rule HTTP to HTTPS: rule 'HTTP to HTTPS' comes before "
                + "'ARR_PatientSecure Admin Console_loadbalance'");
        assertThatThrownBy(() -> iis.apply(reference, plan, ApplyListener.NONE)).isInstanceOf(ConflictException.class);

        AuditReport audit = iis.audit(Optional.of(reference));
        assertThat(audit.findings()).extracting(Finding::rule, Finding::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ARR-003", "system.webServer/rewrite/globalRules/"
                        + "rule[@name='ARR_PatientSecure Admin Console_loadbalance']"));
        assertThat(audit.outOfScope()).contains("rule HTTP to HTTPS");
        assertThat(iis.audit(Optional.empty()).findings()).hasSize(1);
    }

    @Test
    void onAFileWithTheCatchAllFirstTheMergePutsHakitsRulesAboveItAndThePlanHasNoConflict() {
        String stock = Fixtures.text(Fixtures.resource("stock-iis10.config"));
        String text = stock.replace("        <proxy enabled=\"true\" />\n", "        <proxy enabled=\"true\" />\n"
                + "        <rewrite>\n            <globalRules>\n                " + CATCH_ALL.strip() + "\n"
                + "            </globalRules>\n        </rewrite>\n");
        ApplicationHostConfig file = ApplicationHostConfig.parse(text.getBytes(StandardCharsets.UTF_8), "c");
        assertThat(file.arr().rules()).hasSize(1);
        Plan plan = IisAdapter.plan(reference, file);
        assertThat(plan.conflicts()).isEmpty();

        ArrConfig merged = ApplicationHostConfig.parse(file.merge(ArrConfigRenderer.render(reference),
                ArrConfigRenderer.removedRules(reference)), "m").arr();
        List<String> names = merged.rules().stream().map(RewriteRule::name).toList();
        assertThat(names.get(names.size() - 1)).isEqualTo("HTTP to HTTPS");
        assertThat(names.subList(0, names.size() - 1)).containsExactlyElementsOf(ArrConfigRenderer.render(reference)
                .rules().stream().map(RewriteRule::name).toList());
    }
}
