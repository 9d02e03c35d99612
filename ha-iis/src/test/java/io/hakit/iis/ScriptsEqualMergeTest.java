package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3: the appcmd and PowerShell scripts, their operations applied to a file by
 * {@link ScriptEmulator}, give the configuration the merge gives, on a stock file and on hand-edited ones.
 */
class ScriptsEqualMergeTest {

    private final Deployment reference = Fixtures.reference();
    private final String appcmd = IisScripts.appcmd(reference);
    private final String powerShell = IisScripts.powerShell(reference);

    private String merged(String text) {
        byte[] out = ApplicationHostConfig.parse(text.getBytes(StandardCharsets.UTF_8), "f")
                .merge(ArrConfigRenderer.render(reference), ArrConfigRenderer.removedRules(reference));
        return Fixtures.text(out);
    }

    /** The hand-edited test file, edited further: what hakit does not model, a catch-all redirect, sslFlags 64. */
    static String handEdited() {
        String text = Fixtures.text(Fixtures.resource("custom-crlf-bom.config")).replace("\r\n", "\n");
        text = text.replace("<rule name=\"ARR_PatientSecure Identity Server_loadbalance_SSL\" patternSyntax=\"Wildcard\""
                + " stopProcessing=\"true\">\n                    <match url=\"*\" />\n",
                "<rule name=\"ARR_PatientSecure Identity Server_loadbalance_SSL\" patternSyntax=\"Wildcard\""
                + " stopProcessing=\"true\">\n                    <match url=\"*\" />\n"
                + "                    <serverVariables>\n"
                + "                        <set name=\"HTTP_X_FORWARDED_PROTO\" value=\"https\" />\n"
                + "                    </serverVariables>\n");
        text = text.replace("<action type=\"Rewrite\" url=\"https://PatientSecure Identity Server/{R:0}\" />",
                "<action type=\"Rewrite\" url=\"https://PatientSecure Identity Server/{R:0}\" appendQueryString=\"false\" />");
        text = text.replace("<webFarm name=\"PatientSecure Identity Server\" enabled=\"true\">",
                "<webFarm name=\"PatientSecure Identity Server\" enabled=\"true\" serverAutoStart=\"false\">");
        text = text.replace("<server address=\"app1.hospital.org\" enabled=\"true\" />",
                "<server address=\"app1.hospital.org\" enabled=\"true\">\n"
                + "                <applicationRequestRouting hostName=\"app1-alias\" />\n            </server>");
        text = text.replace("<binding protocol=\"https\" bindingInformation=\"*:443:\" sslFlags=\"0\" />",
                "<binding protocol=\"https\" bindingInformation=\"*:443:\" sslFlags=\"64\" />");
        text = text.replace("<!-- keep the intranet first: it owns port 8443 -->",
                "<!-- keep the intranet first: it owns port 8443 -->\n                " + ScopeTest.CATCH_ALL.strip());
        return text;
    }

    @Test
    void onAStockFileBothScriptsGiveTheMergesConfiguration() {
        String stock = Fixtures.text(Fixtures.resource("stock-iis10.config"));
        String expected = ScriptEmulator.canonical(merged(stock));

        ScriptEmulator first = new ScriptEmulator(stock).runAppcmd(appcmd);
        assertThat(first.canonical()).isEqualTo(expected);
        ScriptEmulator again = new ScriptEmulator(first.toString()).runAppcmd(appcmd);
        assertThat(again.canonical()).isEqualTo(expected);
        // one commit per appcmd call that writes: a re-run writes only the settings calls (same values)
        assertThat(first.commits()).isEqualTo(83);
        assertThat(again.commits()).isEqualTo(42);
        assertThat(new ScriptEmulator(stock).runPowerShell(powerShell).canonical()).isEqualTo(expected);
        assertThat(expected).contains("ARR_PatientSecure Web Services_loadbalance_SSL");
    }

    @Test
    void onAHandEditedFileBothScriptsGiveTheMergesConfigurationAndKeepWhatHakitDoesNotModel() {
        String text = handEdited();
        String merged = merged(text);
        String expected = ScriptEmulator.canonical(merged);

        ScriptEmulator viaAppcmd = new ScriptEmulator(text).runAppcmd(appcmd);
        ScriptEmulator viaPowerShell = new ScriptEmulator(text).runPowerShell(powerShell);
        assertThat(viaAppcmd.canonical()).as(String.join("\n", viaAppcmd.log())).isEqualTo(expected);
        assertThat(viaPowerShell.canonical()).isEqualTo(expected);

        // what hakit does not model survived, in all three
        assertThat(expected).contains("<set name=\"HTTP_X_FORWARDED_PROTO\" value=\"https\">")
                .contains("appendQueryString=\"false\"").contains("serverAutoStart=\"false\"")
                .contains("hostName=\"app1-alias\"");
        // the same rule order: hakit's new rules at the top in the rendered order, then the file's rules in theirs
        List<String> rules = ApplicationHostConfig.parse(merged.getBytes(StandardCharsets.UTF_8), "m").arr().rules()
                .stream().map(RewriteRule::name).toList();
        assertThat(rules.subList(rules.size() - 4, rules.size())).containsExactly("HTTP to HTTPS",
                "ARR_Intranet Farm_loadbalance", "ARR_PatientSecure Identity Server_loadbalance_SSL", "Block \"bad\" agents & bots");
        // sslFlags as the merge sets it
        assertThat(expected).contains("bindingInformation=\"*:443:\" protocol=\"https\">").doesNotContain("sslFlags=\"64\"");
        // and the merged file has no rule-order conflict: hakit's port-80 rule is above the catch-all
        assertThat(IisAdapter.plan(reference, ApplicationHostConfig.parse(merged.getBytes(StandardCharsets.UTF_8), "m"))
                .isEmpty()).isTrue();
    }

    @Test
    void powerShellAlsoRemovesMembersAndConditionsHakitDoesNotList() {
        String text = handEdited()
                .replace("<server address=\"app2.hospital.org\" enabled=\"false\" />",
                        "<server address=\"app2.hospital.org\" enabled=\"false\" />\n"
                        + "            <server address=\"old.hospital.org\" enabled=\"true\" />")
                .replace("<add input=\"{HTTPS}\" pattern=\"On\" />",
                        "<add input=\"{HTTPS}\" pattern=\"On\" />\n"
                        + "                        <add input=\"{HTTP_HOST}\" pattern=\"^ps\\.\" />");
        String expected = ScriptEmulator.canonical(merged(text));

        assertThat(new ScriptEmulator(text).runPowerShell(powerShell).canonical()).isEqualTo(expected);
        assertThat(expected).doesNotContain("old.hospital.org").doesNotContain("input=\"{HTTP_HOST}\"");
    }

    @Test
    void theScriptsNeverDeleteARuleOrFarmTheyThenWrite() {
        List<String> removed = ArrConfigRenderer.removedRules(reference);
        for (String line : appcmd.split("\r\n")) {
            int at = line.indexOf("/-\"[name='");
            if (at >= 0 && !line.contains("].conditions.")) {
                String name = line.substring(at + 10, line.indexOf('\'', at + 10));
                assertThat(removed).as(line).contains(name);
            }
        }
        assertThat(powerShell).contains("Start-WebCommitDelay").contains("Stop-WebCommitDelay -Commit $true")
                .doesNotContain("Remove-WebConfigurationProperty -PSPath $ps -Filter 'webFarms'");
        assertThat(appcmd).doesNotContain("one commit so its conditions are exact");
    }
}
