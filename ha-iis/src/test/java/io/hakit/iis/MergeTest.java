package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.iis.internal.XmlNode;
import io.hakit.iis.internal.XmlScanner;
import io.hakit.model.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MergeTest {

    private final Deployment reference = Fixtures.reference();
    private final ArrConfig desired = ArrConfigRenderer.render(reference);
    private final List<String> removed = ArrConfigRenderer.removedRules(reference);

    private byte[] merge(byte[] content) {
        return ApplicationHostConfig.parse(content, "applicationHost.config").merge(desired, removed);
    }

    @Test
    void mergeIntoStockKeepsEveryOriginalLineInOrderAndAddsOnlyHakitsElements() {
        byte[] stock = Fixtures.resource("stock-iis10.config");
        byte[] merged = merge(stock);
        List<String> before = Arrays.asList(Fixtures.text(stock).split("\n", -1));
        List<String> after = Arrays.asList(Fixtures.text(merged).split("\n", -1));
        int i = 0;
        List<String> added = new ArrayList<>();
        for (String line : after) {
            if (i < before.size() && line.equals(before.get(i))) {
                i++;
            } else {
                added.add(line.strip());
            }
        }
        assertThat(i).as("every original line survives, in order").isEqualTo(before.size());
        assertThat(added).allMatch(l -> l.startsWith("<rewrite") || l.startsWith("</rewrite") || l.startsWith("<globalRules")
                || l.startsWith("</globalRules") || l.startsWith("<rule ") || l.startsWith("</rule") || l.startsWith("<match ")
                || l.startsWith("<conditions") || l.startsWith("</conditions") || l.startsWith("<add input=")
                || l.startsWith("<action ") || l.startsWith("<webFarm ") || l.startsWith("</webFarm>")
                || l.startsWith("<server ") || l.startsWith("</server>") || l.startsWith("<applicationRequestRouting")
                || l.startsWith("</applicationRequestRouting>") || l.startsWith("<healthCheck ")
                || l.startsWith("<affinity ") || l.startsWith("<loadBalancing ") || l.startsWith("<binding "));
        assertThat(Fixtures.text(merged)).doesNotContain("\r").contains("<webFarm name=\"PatientSecure Web Services\"");
        assertThat(merged[0]).as("no byte-order mark added").isEqualTo((byte) '<');
    }

    @Test
    void mergeIntoAHandEditedCrlfFileKeepsEverythingOutsideHakitsElementsByteForByte() throws Exception {
        byte[] original = Fixtures.resource("custom-crlf-bom.config");
        byte[] merged = merge(original);

        assertThat(Arrays.copyOf(merged, 3)).as("UTF-8 byte-order mark kept")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = Fixtures.text(merged);
        assertThat(text.replace("\r\n", "")).as("CRLF line endings only").doesNotContain("\n").doesNotContain("\r");

        Set<String> farms = desired.farms().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> rules = desired.rules().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        removed.forEach(r -> rules.add(r.toLowerCase(Locale.ROOT)));
        Set<String> bindings = desired.bindings().stream().map(SiteBinding::bindingInformation).collect(Collectors.toSet());
        Predicate<XmlNode> hakits = n -> (n.name().equals("webFarm") && farms.contains(name(n)))
                || (n.name().equals("rule") && n.parent().name().equals("globalRules") && rules.contains(name(n)))
                || (n.name().equals("binding") && n.parent().parent().attribute("name").orElse("").equals("Default Web Site")
                        && bindings.contains(n.attribute("bindingInformation").orElse("")));
        String originalText = Fixtures.text(original);
        assertThat(without(text, hakits)).isEqualTo(without(originalText, hakits));

        // the things a careless rewrite would lose are all still there, unchanged
        assertThat(text).contains("<!-- keep the intranet first: it owns port 8443 -->")
                .contains("<rule name=\"Block &quot;bad&quot; agents &amp; bots\" enabled=\"false\">")
                .contains("<binding protocol=\"https\" bindingInformation=\"*:8443:intranet.hospital.org\" sslFlags=\"1\" />")
                .contains("<location path=\"Intranet\" overrideMode=\"Allow\">")
                .contains("                <add name=\"Microsoft.Web.Arr.HostNameMemory\" />\r\n")
                .contains("<webFarm name=\"Intranet Farm\" enabled=\"true\">\r\n"
                        + "            <server address=\"intra1.hospital.org\" enabled=\"true\" />");
        // the wizard's non-SSL rule is gone; the hand-made farm of the same name was brought to the guide
        assertThat(text).doesNotContain("name=\"ARR_PatientSecure Identity Server_loadbalance\"");
        ArrConfig after = ApplicationHostConfig.parse(merged, "merged").arr();
        assertThat(after.farm("PatientSecure Identity Server").orElseThrow()).isEqualTo(
                desired.farm("PatientSecure Identity Server").orElseThrow());
        assertThat(after.farm("Intranet Farm")).isEqualTo(ApplicationHostConfig.parse(original, "o").arr()
                .farm("Intranet Farm"));
        // new hakit rules go before the foreign rules (a foreign catch-all cannot swallow their ports); a rule
        // hakit replaces keeps its place; the foreign rules keep their order
        List<String> names = after.rules().stream().map(RewriteRule::name).toList();
        assertThat(names.get(0)).isEqualTo("ARR_PatientSecure Web Services_loadbalance_SSL");
        assertThat(names).containsSubsequence("ARR_PatientSecure System Health Service_loadbalance_SSL",
                "ARR_Intranet Farm_loadbalance", "ARR_PatientSecure Identity Server_loadbalance_SSL",
                "Block \"bad\" agents & bots");
        // new elements take the file's indentation and line ending
        assertThat(text).contains("\r\n        <webFarm name=\"PatientSecure Web Services\" enabled=\"true\">\r\n"
                + "            <server address=\"app1.hospital.org\" enabled=\"true\">\r\n");
    }

    @Test
    void mergingTwiceGivesTheSameBytes() {
        for (String file : List.of("stock-iis10.config", "custom-crlf-bom.config")) {
            byte[] once = merge(Fixtures.resource(file));
            assertThat(merge(once)).as(file).isEqualTo(once);
        }
    }

    @Test
    void mergeOfAFileThatAlreadyMatchesReturnsItsBytesUnchanged() {
        byte[] once = merge(Fixtures.resource("custom-crlf-bom.config"));
        byte[] twice = ApplicationHostConfig.parse(once, "x").merge(desired, removed);
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void insertsIntoSelfClosingAndInlineContainersAndCreatesMissingSections() {
        String base = "<configuration>\n"
                + "  <configSections>\n"
                + "    <sectionGroup name=\"system.applicationHost\"><section name=\"sites\" /></sectionGroup>\n"
                + "    <sectionGroup name=\"system.webServer\"><sectionGroup name=\"rewrite\">"
                + "<section name=\"globalRules\" /></sectionGroup></sectionGroup>\n"
                + "    <section name=\"webFarms\" />\n"
                + "  </configSections>\n"
                + "  <system.applicationHost>\n"
                + "    <sites>\n"
                + "      <site name=\"Default Web Site\" id=\"1\"><bindings></bindings></site>\n"
                + "    </sites>\n"
                + "  </system.applicationHost>\n"
                + "  <system.webServer>\n"
                + "    <rewrite>\n"
                + "      <globalRules />\n"
                + "    </rewrite>\n"
                + "  </system.webServer>\n"
                + "</configuration>\n";
        ArrConfig one = ArrConfig.builder()
                .farm("F", f -> f.server("a.example.org", s -> s.httpsPort(7001)))
                .rule("ARR_F_loadbalance_SSL", r -> r.matchUrl(".*").actionType(RewriteRule.ActionType.REWRITE)
                        .actionUrl("https://F/{R:0}"))
                .binding(SiteBinding.https(7001, java.util.Optional.empty()))
                .build();
        byte[] merged = ApplicationHostConfig.parse(base.getBytes(StandardCharsets.UTF_8), "t").merge(one, List.of());
        String text = new String(merged, StandardCharsets.UTF_8);
        assertThat(text).contains("<site name=\"Default Web Site\" id=\"1\"><bindings>\n"
                + "          <binding protocol=\"https\" bindingInformation=\"*:7001:\" sslFlags=\"0\" />\n"
                + "        </bindings></site>");
        assertThat(text).contains("      <globalRules>\n        <rule name=\"ARR_F_loadbalance_SSL\"");
        assertThat(text).contains("  </system.webServer>\n  <webFarms>\n    <webFarm name=\"F\" enabled=\"true\">\n");
        ArrConfig back = ApplicationHostConfig.parse(merged, "t").arr();
        assertThat(back.farms()).isEqualTo(one.farms());
        assertThat(back.rules()).isEqualTo(one.rules());
        assertThat(ApplicationHostConfig.parse(merged, "t").merge(one, List.of())).isEqualTo(merged);
    }

    @Test
    void settingsHakitDoesNotModelSurviveWhenItRewritesItsOwnFarmOrRule() {
        String farm = "<webFarm name=\"PatientSecure Web Services\" enabled=\"true\" serverAutoStart=\"false\">\n"
                + "            <server address=\"app1.hospital.org\" enabled=\"false\">\n"
                + "                <applicationRequestRouting hostName=\"app1-alias\" />\n"
                + "            </server>\n"
                + "            <server address=\"gone.hospital.org\" enabled=\"true\" />\n"
                + "            <applicationRequestRouting>\n"
                + "                <healthCheck url=\"https://x/\" liveTrafficFailureCodes=\"500-599\" />\n"
                + "                <protocol httpVersion=\"Http11\">\n"
                + "                    <cache enabled=\"false\" />\n"
                + "                </protocol>\n"
                + "            </applicationRequestRouting>\n"
                + "        </webFarm>\n";
        String rule = "<rule name=\"ARR_PatientSecure Web Services_loadbalance_SSL\" stopProcessing=\"false\">\n"
                + "                    <match url=\"*\" />\n"
                + "                    <conditions trackAllCaptures=\"true\"><add input=\"{HTTPS}\" pattern=\"On\" /></conditions>\n"
                + "                    <serverVariables>\n"
                + "                        <set name=\"HTTP_X_ORIGINAL_HOST\" value=\"{HTTP_HOST}\" />\n"
                + "                    </serverVariables>\n"
                + "                    <action type=\"Rewrite\" url=\"http://x/{R:0}\" appendQueryString=\"false\" />\n"
                + "                </rule>\n";
        String stock = Fixtures.text(Fixtures.resource("stock-iis10.config"));
        String text = stock.replace("    <webFarms>\n", "    <webFarms>\n        " + farm)
                .replace("        <proxy enabled=\"true\" />\n", "        <proxy enabled=\"true\" />\n"
                        + "        <rewrite>\n            <globalRules>\n                " + rule
                        + "            </globalRules>\n        </rewrite>\n");
        byte[] merged = merge(text.getBytes(StandardCharsets.UTF_8));
        String out = Fixtures.text(merged);
        assertThat(out).contains("<webFarm name=\"PatientSecure Web Services\" enabled=\"true\" serverAutoStart=\"false\">")
                .contains("<applicationRequestRouting httpsPort=\"7002\" hostName=\"app1-alias\" />")
                .contains("liveTrafficFailureCodes=\"500-599\" />")
                .contains("<protocol httpVersion=\"Http11\">\n                    <cache enabled=\"false\" />\n"
                        + "                </protocol>")
                .contains("<conditions logicalGrouping=\"MatchAll\" trackAllCaptures=\"true\">")
                .contains("<serverVariables>\n                        <set name=\"HTTP_X_ORIGINAL_HOST\" value=\"{HTTP_HOST}\" />\n"
                        + "                    </serverVariables>")
                .contains("url=\"https://PatientSecure Web Services/{R:0}\" appendQueryString=\"false\" />")
                .doesNotContain("gone.hospital.org");
        ArrConfig back = ApplicationHostConfig.parse(merged, "m").arr();
        assertThat(back.farm("PatientSecure Web Services")).contains(desired.farm("PatientSecure Web Services").orElseThrow());
        assertThat(back.rule("ARR_PatientSecure Web Services_loadbalance_SSL"))
                .isEqualTo(desired.rule("ARR_PatientSecure Web Services_loadbalance_SSL"));
        assertThat(merge(merged)).isEqualTo(merged);
    }

    private static String name(XmlNode n) {
        return n.attribute("name").orElse("").toLowerCase(Locale.ROOT);
    }

    /** The text with every matching element removed, with its own line when it stands alone on it. */
    static String without(String text, Predicate<XmlNode> match) throws Exception {
        XmlNode root = XmlScanner.scan(text);
        List<XmlNode> hits = new ArrayList<>();
        collect(root, match, hits);
        StringBuilder b = new StringBuilder(text);
        for (int k = hits.size() - 1; k >= 0; k--) {
            XmlNode n = hits.get(k);
            int ls = n.start();
            while (ls > 0 && (text.charAt(ls - 1) == ' ' || text.charAt(ls - 1) == '\t')) {
                ls--;
            }
            int le = n.end();
            if ((ls == 0 || text.charAt(ls - 1) == '\n') && text.startsWith("\r\n", le)) {
                b.delete(ls, le + 2);
            } else if ((ls == 0 || text.charAt(ls - 1) == '\n') && text.startsWith("\n", le)) {
                b.delete(ls, le + 1);
            } else {
                b.delete(n.start(), n.end());
            }
        }
        return b.toString();
    }

    private static void collect(XmlNode n, Predicate<XmlNode> match, List<XmlNode> out) {
        if (match.test(n)) {
            out.add(n);
            return;
        }
        for (XmlNode c : n.children()) {
            collect(c, match, out);
        }
    }
}
