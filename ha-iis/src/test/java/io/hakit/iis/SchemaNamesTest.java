package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.iis.internal.XmlNode;
import io.hakit.iis.internal.XmlScanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every element and attribute hakit writes exists in the ARR, URL Rewrite and IIS schemas, held
 * against the names listed in the vendor notes (arr_schema.xml, webfarm.xml, rewrite_schema.xml,
 * IIS_schema.xml). Catches the traps the notes list: {@code statusCodes}, {@code useCookies},
 * {@code healthCheck/@enabled}, ports on {@code server}.
 */
class SchemaNamesTest {

    private static final Map<String, Set<String>> SCHEMA = Map.ofEntries(
            Map.entry("configuration", Set.of()),
            Map.entry("configuration/webFarms", Set.of("onDemandHealthCheck")),
            Map.entry("webFarms/webFarm", Set.of("name", "enabled", "serverAutoStart", "passConnectionCloseHeader",
                    "passServerHeader")),
            Map.entry("webFarm/server", Set.of("address", "enabled")),
            Map.entry("server/applicationRequestRouting", Set.of("httpPort", "httpsPort", "weight", "hostName",
                    "healthCheckAlternateHostName", "healthCheckAlternatePort")),
            Map.entry("webFarm/applicationRequestRouting", Set.of()),
            Map.entry("applicationRequestRouting/healthCheck", Set.of("url", "retries", "interval", "timeout",
                    "statusCodeMatch", "responseMatch", "liveTrafficFailureCodes", "maxLiveTrafficFailures",
                    "liveTrafficFailurePeriod", "minServers")),
            Map.entry("applicationRequestRouting/affinity", Set.of("useCookie", "cookieName", "useHostName",
                    "hostCountersEnabled", "useServerProvider", "serverProviderImage", "timeout", "useExternalCache",
                    "ignoreSubDomain", "ignoreSubDomainClientAffinity", "ignoreSubDomainFragmentDepth",
                    "hostAffinityProvider")),
            Map.entry("applicationRequestRouting/loadBalancing", Set.of("algorithm", "leastResponseTimePeriod",
                    "hashServerVariable", "queryStringNames", "randomizeLBTies")),
            Map.entry("applicationRequestRouting/protocol", Set.of("httpVersion", "keepAlive", "timeout",
                    "preserveHostHeader", "alternateHostName", "reverseRewriteHostInResponseHeaders",
                    "xForwardedForHeaderName", "includePortInXForwardedFor", "arrResponseHeader", "maxForwards",
                    "minResponseBuffer", "responseBufferLimit", "stealthMode", "bufferChunkedResponses")),
            Map.entry("configuration/system.webServer", Set.of()),
            Map.entry("system.webServer/rewrite", Set.of()),
            Map.entry("rewrite/globalRules", Set.of()),
            Map.entry("globalRules/rule", Set.of("name", "enabled", "patternSyntax", "stopProcessing",
                    "responseCacheDirective")),
            Map.entry("rule/match", Set.of("url", "ignoreCase", "negate")),
            Map.entry("rule/conditions", Set.of("logicalGrouping", "trackAllCaptures")),
            Map.entry("conditions/add", Set.of("input", "matchType", "pattern", "ignoreCase", "negate")),
            Map.entry("rule/action", Set.of("type", "url", "appendQueryString", "redirectType", "statusCode",
                    "subStatusCode", "statusReason", "statusDescription")),
            Map.entry("configuration/system.applicationHost", Set.of()),
            Map.entry("system.applicationHost/sites", Set.of()),
            Map.entry("sites/site", Set.of("name", "id", "serverAutoStart")),
            Map.entry("site/bindings", Set.of()),
            Map.entry("bindings/binding", Set.of("protocol", "bindingInformation", "sslFlags")));

    private static List<String> violations(String xml) throws Exception {
        List<String> out = new ArrayList<>();
        check(XmlScanner.scan(xml), out);
        return out;
    }

    private static void check(XmlNode n, List<String> out) {
        String key = n.parent() == null ? n.name() : n.parent().name() + "/" + n.name();
        Set<String> allowed = SCHEMA.get(key);
        if (allowed == null) {
            out.add("element " + key);
        } else {
            n.attributes().keySet().stream().filter(a -> !allowed.contains(a)).forEach(a -> out.add(key + "/@" + a));
        }
        n.children().forEach(c -> check(c, out));
    }

    @Test
    void theReferenceFragmentUsesOnlySchemaNames() throws Exception {
        assertThat(violations(ArrConfigRenderer.fragment(Fixtures.reference()))).isEmpty();
    }

    @Test
    void everyOptionalAttributeTheWriterCanEmitIsASchemaName() throws Exception {
        ArrConfig all = ArrConfig.builder()
                .farm(WebFarm.builder("F").server("a", s -> s.httpPort(81).httpsPort(444).weight(5))
                        .healthCheck(h -> h.url("https://x/").retries(5).responseMatch("ok").minServers(1))
                        .affinity(new FarmAffinity(true, "C")).algorithm(LoadBalancingAlgorithm.REQUEST_HASH)
                        .protocol(new FarmProtocol(Duration.ofSeconds(5), false, false, true)).build())
                .rule(RewriteRule.builder("R").enabled(false).conditions(List.of(new RuleCondition("{X}",
                        RuleCondition.MatchType.IS_FILE, "", false, true))).build())
                .build();
        String merged = Fixtures.text(ApplicationHostConfig.parse(Fixtures.resource("stock-iis10.config"), "s")
                .merge(all, List.of()));
        String hakitOnly = merged.substring(merged.indexOf("<webFarm name=\"F\""), merged.indexOf("</webFarm>") + 10);
        assertThat(violations("<configuration><webFarms>" + hakitOnly + "</webFarms></configuration>")).isEmpty();
        String rule = merged.substring(merged.indexOf("<rule name=\"R\""), merged.indexOf("</rule>") + 7);
        assertThat(violations("<configuration><system.webServer><rewrite><globalRules>" + rule
                + "</globalRules></rewrite></system.webServer></configuration>")).isEmpty();
        assertThat(merged).doesNotContain("statusCodes=").doesNotContain("useCookies=");
    }
}
