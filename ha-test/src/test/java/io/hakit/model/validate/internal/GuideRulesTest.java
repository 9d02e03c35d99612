package io.hakit.model.validate.internal;

import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.findings;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import io.hakit.model.Server;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The catalog of {@link GuideRules#all()}, and the assertions the rule-family tests share
 * ({@code ServiceRulesTest}, {@code TlsRulesTest}, {@code HealthCheckRulesTest}, {@code AffinityRulesTest},
 * {@code VendorRulesTest}: for each rule, a deployment that breaks it and one that satisfies it).
 */
class GuideRulesTest {

    /**
     * Asserts that exactly one finding under {@code rule} is at {@code path}, with {@code severity},
     * and that its message holds every one of {@code words}.
     */
    static Finding assertFinding(Deployment d, String rule, Severity severity, String path, String... words) {
        List<Finding> all = findings(d, rule);
        List<Finding> here = all.stream().filter(f -> f.path().equals(path)).toList();
        assertThat(here).as("%s findings at %s among %s", rule, path, all).hasSize(1);
        Finding f = here.get(0);
        assertThat(f.rule()).isEqualTo(rule);
        assertThat(f.severity()).as("severity of %s", f).isEqualTo(severity);
        assertThat(f.message()).contains(words);
        return f;
    }

    static void assertNone(Deployment d, String rule) {
        assertThat(findings(d, rule)).as("%s findings", rule).isEmpty();
    }

    static Deployment servers(Deployment d, Server... servers) {
        return d.copy(b -> b.servers(List.of(servers)));
    }

    @Test
    void theCatalogOfRulesIsEveryModelJudgeableRuleOfTheGuideInOrder() {
        assertThat(GuideRules.all()).extracting(Rule::id).containsExactly(
                "TOP-001", "TOP-002", "TOP-003", "TOP-004",
                "SVC-001", "SVC-002", "SVC-003", "SVC-004", "SVC-005", "SVC-006", "SVC-007", "SVC-008",
                "URL-001", "URL-002", "URL-003",
                "TLS-001", "TLS-002", "TLS-003", "TLS-004", "TLS-005", "TLS-006", "TLS-007",
                "HC-001", "HC-002", "HC-003", "HC-005",
                "AFF-001", "AFF-002",
                "ARR-001", "ARR-004",
                "CTX-001", "CTX-002", "CTX-003", "CTX-004",
                "F5-001", "F5-002", "F5-004",
                "HL7-001");
        assertThat(GuideRules.all()).allSatisfy(r -> assertThat(r.summary()).endsWith("."));
    }

    @Test
    void theRuleCatalogDocumentsEveryRuleTheValidatorChecks() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/rules.md"));
        for (Rule r : GuideRules.all()) {
            assertThat(doc).as(r.id()).contains("### " + r.id() + "\n").contains("  " + r.id() + " ");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theBaselineBreaksNoRuleAtAll(Vendor vendor) {
        assertThat(io.hakit.model.Fixtures.validate(baseline(vendor)).findings())
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }
}
