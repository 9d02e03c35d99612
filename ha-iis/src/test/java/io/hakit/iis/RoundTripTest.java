package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** parse(render(x)) = x, for the reference topology and for every value the model can hold. */
class RoundTripTest {

    @Test
    void theReferenceFragmentReadsBackAsTheRenderedModel() {
        Deployment d = Fixtures.reference();
        ArrConfig rendered = ArrConfigRenderer.render(d);
        ArrConfig read = ApplicationHostConfig.readFragment(ArrConfigRenderer.fragment(d), "fragment");
        assertThat(read.farms()).isEqualTo(rendered.farms());
        assertThat(read.rules()).isEqualTo(rendered.rules());
        // the file holds the binding; its certificate lives in HTTP.sys
        assertThat(read.bindings()).isEqualTo(rendered.bindings().stream().map(b -> new SiteBinding(b.site(),
                b.protocol(), b.address(), b.port(), b.host(), b.sslFlags(), Optional.empty())).toList());
    }

    @Test
    void everyNonDefaultValueSurvivesAMergeAndARead() {
        ArrConfig x = ArrConfig.builder()
                .farm(WebFarm.builder("Odd & \"quoted\" <farm>")
                        .enabled(false)
                        .server("a.example.org", s -> s.enabled(false).httpPort(8080).httpsPort(8443).weight(4_294_967_295L))
                        .server("b.example.org", s -> s.weight(1))
                        .healthCheck(h -> h.url("https://lb.example.org:8443/health?x=1&y=2").interval(Duration.ZERO)
                                .timeout(Duration.ofDays(1)).retries(20).statusCodeMatch("200-204")
                                .responseMatch("I am <healthy>").minServers(2))
                        .affinity(new FarmAffinity(true, "MyCookie"))
                        .algorithm(LoadBalancingAlgorithm.REQUEST_HASH)
                        .protocol(new FarmProtocol(Duration.ofMinutes(2), false, false, true))
                        .build())
                .rule(RewriteRule.builder("rule\twith tab").enabled(false).patternSyntax(RewriteRule.PatternSyntax.WILDCARD)
                        .stopProcessing(true).matchUrl("*").logicalGrouping(RewriteRule.LogicalGrouping.MATCH_ANY)
                        .conditions(List.of(new RuleCondition("{HTTP_HOST}", RuleCondition.MatchType.PATTERN, "x*", false, true),
                                new RuleCondition("{REQUEST_FILENAME}", RuleCondition.MatchType.IS_FILE, "", true, false)))
                        .actionType(RewriteRule.ActionType.REDIRECT).actionUrl("https://x/{R:0}").build())
                .rule("empty", r -> { })
                .binding(new SiteBinding(SiteBinding.DEFAULT_WEB_SITE, "https", "10.0.0.5", 9443, "x.example.org", 65,
                        Optional.empty()))
                .build();
        byte[] merged = ApplicationHostConfig.parse(Fixtures.resource("stock-iis10.config"), "stock").merge(x, List.of());
        ArrConfig back = ApplicationHostConfig.parse(merged, "merged").arr();
        assertThat(back.farms()).isEqualTo(x.farms());
        assertThat(back.rules()).isEqualTo(x.rules());
        assertThat(back.binding(SiteBinding.DEFAULT_WEB_SITE, "https/10.0.0.5:9443:x.example.org")).contains(
                x.bindings().get(0));
    }
}
