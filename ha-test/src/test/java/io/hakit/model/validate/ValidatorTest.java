package io.hakit.model.validate;

import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Deployment;
import io.hakit.model.Fixtures;
import io.hakit.model.LoadBalancer;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.topology.TopologyLoader;
import io.hakit.model.validate.internal.GuideRules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidatorTest {

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theBaselineHasNoErrorAndNoWarning(Vendor vendor) {
        ValidationReport report = validate(baseline(vendor));
        assertThat(report.errors()).as("%s", report.findings()).isZero();
        assertThat(report.warnings()).as("%s", report.findings()).isZero();
        assertThat(report.isValid()).isTrue();
    }

    @Test
    void theStandardValidatorChecksEveryGuideRule() {
        assertThat(Validator.standard().rules()).extracting(Rule::id)
                .containsExactlyElementsOf(GuideRules.all().stream().map(Rule::id).toList());
        assertThat(Validator.create(b -> b.without("TOP-003")).rules()).extracting(Rule::id)
                .doesNotContain("TOP-003").hasSize(GuideRules.all().size() - 1);
    }

    @Test
    void aDeploymentWithNothingInItIsReportedNotThrown() {
        Deployment bare = Deployment.builder().name("bare")
                .loadBalancer(LoadBalancer.builder().vendor(Vendor.F5).fqdn("lb").build()).build();
        ValidationReport report = validate(bare);
        assertThat(report.byRule("TOP-004")).hasSize(1);
        assertThat(report.findings()).noneMatch(f -> f.message().contains("could not be checked"));
    }

    @Test
    void anOddDeploymentIsReportedNotThrown() {
        // services on unknown servers, a duplicated server, two ports published as one, a URL that is no URL,
        // no certificates, no trust, no environment, HL7 on F5 without names
        Deployment odd = Deployment.builder().name("odd")
                .loadBalancer(LoadBalancer.builder().vendor(Vendor.F5).fqdn("lb").address("vip").build())
                .server(Server.of("x")).server(Server.of("x")).server(Server.of("::1"))
                .serverConsole("x")
                .service(Service.builder(ServiceType.EMERGENCY_SEARCH).lbPorts(List.of(7005)).servers(List.of("ghost"))
                        .url("::not a url::").build())
                .service(Service.builder(ServiceType.HL7).servers(List.of()).url("mailto:x").build())
                .service(Service.builder(ServiceType.ADMIN_CONSOLE).ports(List.of(443)).build())
                .build();
        ValidationReport report = validate(odd);
        assertThat(report.findings()).noneMatch(f -> f.message().contains("could not be checked"));
        assertThat(report.findings()).extracting(Finding::rule).contains("TOP-002", "TOP-003", "TOP-004", "SVC-001",
                "SVC-002", "SVC-003", "SVC-004", "SVC-006", "SVC-007", "URL-001", "URL-002", "F5-002", "F5-004");
    }

    @Test
    void everyFindingIsReportedNotJustTheFirst() {
        Deployment d = baseline().copy(b -> b.environment(null).serverConsole("app1")
                .servers(List.of(Server.of("app1"), Server.of("app2"), Server.of("10.0.0.3"))));
        ValidationReport report = validate(d);
        assertThat(report.byRule("TOP-002")).extracting(Finding::path)
                .containsExactly("servers[0].fqdn", "servers[1].fqdn", "servers[2].fqdn");
        assertThat(report.byRule("TOP-004")).hasSize(1);
        assertThat(report.findings()).extracting(Finding::rule).contains("TOP-003", "TLS-005", "CTX-001");
        // errors first, then warnings, then infos
        assertThat(report.findings()).extracting(Finding::severity).isSorted();
        assertThat(report.errors() + report.warnings() + report.infos()).isEqualTo(report.findings().size());
        assertThat(report.isValid()).isFalse();
    }

    @Test
    void aRuleThatThrowsBecomesAFindingAndTheOthersStillRun() {
        Rule broken = Rule.of("X-001", Severity.WARNING, "Always throws.", (d, c, out) -> {
            throw new IllegalStateException("boom");
        });
        Rule after = Rule.of("X-002", Severity.INFO, "Always reports.", (d, c, out) -> out.add("here", "ran", ""));
        ValidationReport report = Validator.create(b -> b.clock(Fixtures.CLOCK).rule(broken).rule(after))
                .validate(baseline());
        assertThat(report.byRule("X-001")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("could not be checked", "boom");
            assertThat(f.hint()).contains("hakit bug");
        });
        assertThat(report.byRule("X-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.path()).isEqualTo("here");
        });
    }

    @Test
    void loadFindingsAreReportedWithTheRules() {
        Deployment d = TopologyLoader.parse(String.join("\n",
                "environment: production",
                "loadBalancer: {vendor: citrix, fqdn: patientsecure.hospital.org, address: 10.20.0.50}",
                "servers: [app1.hospital.org, app2.hospital.org]",
                "services:",
                "  web-services: {healthCheck: {statusCodes: 200-abc}}",
                "  reporting: {}"), TopologyLoader.Format.YAML, "inline.yaml", Path.of("."));
        ValidationReport report = validate(d);
        assertThat(report.byRule("HC-004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.path()).isEqualTo("services.web-services.healthCheck.statusCodes");
            assertThat(f.message()).contains("'200-abc'");
        });
    }

    @Test
    void theJsonHasTheContractShape() throws Exception {
        ValidationReport report = validate(baseline().copy(b -> b.environment(null)));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toJson());
        assertThat(json.get("errors").asInt()).isEqualTo(report.errors()).isEqualTo(1);
        assertThat(json.get("warnings").asInt()).isZero();
        var first = json.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("TOP-004");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("path").asText()).isEqualTo("environment");
        assertThat(first.get("message").asText()).isNotEmpty();
        assertThat(first.has("hint")).isTrue();
    }

    @Test
    void misuseFailsFast() {
        assertThatThrownBy(() -> Validator.standard().validate(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("deployment");
        assertThatThrownBy(() -> Validator.builder().clock(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("clock");
    }
}
