package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.iis.internal.ArrAuditor;
import io.hakit.model.Deployment;
import io.hakit.model.validate.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditTest {

    private static final String HEAD = "<configuration>\n  <configSections>\n"
            + "    <sectionGroup name=\"system.applicationHost\"><section name=\"sites\" /></sectionGroup>\n"
            + "    <sectionGroup name=\"system.webServer\"><sectionGroup name=\"rewrite\">"
            + "<section name=\"globalRules\" /></sectionGroup></sectionGroup>\n"
            + "    <section name=\"webFarms\" />\n  </configSections>\n";

    /** A server configured by hand, with one of each mistake the guide warns about. */
    private static final String HAND_MADE = HEAD
            + "  <system.applicationHost><sites><site name=\"Default Web Site\" id=\"1\"><bindings>\n"
            + "    <binding protocol=\"https\" bindingInformation=\"*:7002:\" sslFlags=\"0\" />\n"
            + "  </bindings></site></sites></system.applicationHost>\n"
            + "  <system.webServer><rewrite><globalRules>\n"
            // SSL offloading left on: only the wizard's plain rule (ARR-002)
            + "    <rule name=\"ARR_PatientSecure Identity Server_loadbalance\" patternSyntax=\"Wildcard\" stopProcessing=\"true\">\n"
            + "      <match url=\"*\" /><action type=\"Rewrite\" url=\"http://PatientSecure Identity Server/{R:0}\" />\n"
            + "    </rule>\n"
            // SSL rule without {SERVER_PORT} (ARR-003)
            + "    <rule name=\"ARR_PatientSecure Web Services_loadbalance_SSL\" patternSyntax=\"Wildcard\" stopProcessing=\"true\">\n"
            + "      <match url=\"*\" /><conditions><add input=\"{HTTPS}\" pattern=\"On\" /></conditions>\n"
            + "      <action type=\"Rewrite\" url=\"https://PatientSecure Web Services/{R:0}\" />\n"
            + "    </rule>\n"
            // the non-SSL rule not removed (ARR-003)
            + "    <rule name=\"ARR_PatientSecure Web Services_loadbalance\" patternSyntax=\"Wildcard\" stopProcessing=\"true\">\n"
            + "      <match url=\"*\" /><action type=\"Rewrite\" url=\"http://PatientSecure Web Services/{R:0}\" />\n"
            + "    </rule>\n"
            // unanchored port pattern (ARR-003) and a port with no binding (ARR-004)
            + "    <rule name=\"ARR_PatientSecure User Interface Server_loadbalance_SSL\" stopProcessing=\"true\">\n"
            + "      <match url=\".*\" /><conditions><add input=\"{HTTPS}\" pattern=\"^ON$\" />"
            + "<add input=\"{SERVER_PORT}\" pattern=\"7003\" /></conditions>\n"
            + "      <action type=\"Rewrite\" url=\"https://PatientSecure User Interface Server/{R:0}\" />\n"
            + "    </rule>\n"
            + "  </globalRules></rewrite></system.webServer>\n"
            + "  <webFarms>\n"
            // a member offline, a member on the wrong port, no health test, affinity off
            + "    <webFarm name=\"PatientSecure Web Services\">\n"
            + "      <server address=\"app1.hospital.org\" enabled=\"false\"><applicationRequestRouting httpsPort=\"7002\" /></server>\n"
            + "      <server address=\"app2.hospital.org\" />\n"
            + "    </webFarm>\n"
            + "    <webFarm name=\"PatientSecure Identity Server\">\n"
            + "      <server address=\"app1.hospital.org\"><applicationRequestRouting httpsPort=\"7001\" /></server>\n"
            + "      <applicationRequestRouting><healthCheck url=\"https://lb/identityserver\" minServers=\"2\" /></applicationRequestRouting>\n"
            + "    </webFarm>\n"
            + "    <webFarm name=\"PatientSecure User Interface Server\">\n"
            + "      <server address=\"app1.hospital.org\"><applicationRequestRouting httpsPort=\"7003\" /></server>\n"
            + "      <applicationRequestRouting><healthCheck url=\"https://lb/\" minServers=\"1\" />"
            + "<affinity useCookie=\"true\" /></applicationRequestRouting>\n"
            + "    </webFarm>\n"
            + "  </webFarms>\n</configuration>\n";

    private static ArrConfig handMade() {
        return ApplicationHostConfig.parse(HAND_MADE.getBytes(StandardCharsets.UTF_8), "applicationHost.config").arr();
    }

    private static List<String> messages(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).map(Finding::message).toList();
    }

    @Test
    void auditWithoutATopologyNamesEachGuideMistake() {
        List<Finding> findings = ArrAuditor.audit(handMade(), Optional.empty());
        assertThat(messages(findings, "ARR-002")).containsExactly("SSL offloading is on for server farm "
                + "'PatientSecure Identity Server': its rules forward to http://PatientSecure Identity Server/ only");
        assertThat(messages(findings, "ARR-003")).anyMatch(m -> m.contains("'ARR_PatientSecure Web Services_loadbalance_SSL'"
                + " has no {SERVER_PORT} condition"))
                .anyMatch(m -> m.contains("non-SSL rule 'ARR_PatientSecure Web Services_loadbalance' still forwards"))
                .anyMatch(m -> m.contains("unanchored {SERVER_PORT} condition '7003'"));
        assertThat(messages(findings, "ARR-001")).anyMatch(m -> m.equals("member app1.hospital.org of server farm "
                + "'PatientSecure Web Services' is offline (enabled=\"false\")"));
        assertThat(messages(findings, "HC-001")).contains("server farm 'PatientSecure Web Services' has no health test "
                + "(no URL)", "server farm 'PatientSecure Identity Server' has minServers 2; the guide sets 1");
        assertThat(messages(findings, "AFF-001")).containsExactly("server farm 'PatientSecure Web Services' has client "
                + "affinity off");
        assertThat(findings).allMatch(f -> !f.path().isEmpty() && !f.hint().isEmpty());
    }

    @Test
    void auditAgainstTheTopologyAlsoFindsWrongPortsMissingFarmsAndBindings() {
        Deployment d = Fixtures.reference();
        List<Finding> findings = ArrAuditor.audit(handMade(), Optional.of(d));
        assertThat(messages(findings, "ARR-001"))
                .contains("member app2.hospital.org of server farm 'PatientSecure Web Services' forwards HTTPS to port"
                        + " 443; the service listens on 7002")
                .contains("server farm 'PatientSecure Identity Server' has no member app2.hospital.org")
                .contains("there is no server farm 'PatientSecure Reporting Service' for reporting");
        assertThat(messages(findings, "ARR-002")).hasSize(1);
        assertThat(messages(findings, "ARR-003")).anyMatch(m -> m.contains("unanchored"));
        assertThat(messages(findings, "ARR-004")).contains("the Default Web Site has no https binding on port 7001")
                .doesNotContain("the Default Web Site has no https binding on port 7002");
        assertThat(messages(findings, "HC-002")).anyMatch(m -> m.contains("probes /; the guide probes /identityserver")
                || m.contains("'PatientSecure Identity Server'"));
        assertThat(messages(findings, "AFF-001")).hasSize(1);
    }

    @Test
    void anAdminConsoleRuleOnPort80IsAllowedAndTheWrongPortIsNamed() {
        String text = HEAD + "  <system.webServer><rewrite><globalRules>\n"
                + "    <rule name=\"a\" stopProcessing=\"true\"><match url=\".*\" /><conditions>"
                + "<add input=\"{SERVER_PORT}\" pattern=\"^80$\" /></conditions>"
                + "<action type=\"Rewrite\" url=\"http://PatientSecure Admin Console/{R:0}\" /></rule>\n"
                + "    <rule name=\"b\" stopProcessing=\"true\"><match url=\".*\" /><conditions>"
                + "<add input=\"{SERVER_PORT}\" pattern=\"^443$\" /></conditions>"
                + "<action type=\"Rewrite\" url=\"https://PatientSecure Admin Console/{R:0}\" /></rule>\n"
                + "    <rule name=\"c\" stopProcessing=\"true\"><match url=\".*\" /><conditions>"
                + "<add input=\"{SERVER_PORT}\" pattern=\"^7009$\" /></conditions>"
                + "<action type=\"Rewrite\" url=\"https://PatientSecure Reporting Service/{R:0}\" /></rule>\n"
                + "  </globalRules></rewrite></system.webServer>\n  <webFarms>\n"
                + "    <webFarm name=\"PatientSecure Admin Console\"><server address=\"app1.hospital.org\" />"
                + "<applicationRequestRouting><healthCheck url=\"https://lb/AdminConsole\" minServers=\"1\" />"
                + "<affinity useCookie=\"true\" /></applicationRequestRouting></webFarm>\n"
                + "    <webFarm name=\"PatientSecure Reporting Service\"><server address=\"app1.hospital.org\">"
                + "<applicationRequestRouting httpsPort=\"7004\" /></server>"
                + "<applicationRequestRouting><healthCheck url=\"https://lb:7004/api\" minServers=\"1\" />"
                + "</applicationRequestRouting></webFarm>\n"
                + "  </webFarms>\n</configuration>\n";
        ArrConfig arr = ApplicationHostConfig.parse(text.getBytes(StandardCharsets.UTF_8), "f").arr();
        List<Finding> alone = ArrAuditor.audit(arr, Optional.empty());
        assertThat(messages(alone, "ARR-003")).isEmpty();
        assertThat(messages(alone, "ARR-002")).isEmpty();
        assertThat(messages(alone, "ARR-001")).containsExactly("member app1.hospital.org of server farm "
                + "'PatientSecure Reporting Service' forwards HTTPS to port 7004; the service listens on 7009");
        List<Finding> withTopology = ArrAuditor.audit(arr, Optional.of(Fixtures.reference()));
        assertThat(messages(withTopology, "ARR-003")).contains("rule 'c' is conditioned on {SERVER_PORT} '^7009$'; the"
                + " service's port is 7004");
    }

    @Test
    void aMergedFileAuditsClean() {
        Deployment d = Fixtures.reference();
        byte[] merged = ApplicationHostConfig.parse(Fixtures.resource("stock-iis10.config"), "s")
                .merge(ArrConfigRenderer.render(d), ArrConfigRenderer.removedRules(d));
        ArrConfig arr = ApplicationHostConfig.parse(merged, "merged").arr();
        assertThat(ArrAuditor.audit(arr, Optional.of(d))).isEmpty();
        assertThat(ArrAuditor.audit(arr, Optional.empty())).isEmpty();
    }
}
