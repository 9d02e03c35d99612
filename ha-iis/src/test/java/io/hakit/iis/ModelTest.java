package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelTest {

    @Test
    void valuesOutsideTheSchemasRangesAreRejectedNamingFieldAndValue() {
        assertThatThrownBy(() -> FarmServer.builder("a").httpsPort(0).build()).hasMessage("httpsPort (0) must be in 1..65535");
        assertThatThrownBy(() -> FarmServer.builder("a").weight(0).build()).hasMessage("weight (0) must be in 1..4294967295");
        assertThatThrownBy(() -> HealthCheck.builder().retries(21).build()).hasMessage("retries (21) must be in 0..20");
        assertThatThrownBy(() -> HealthCheck.builder().timeout(Duration.ZERO).build())
                .hasMessage("healthCheck timeout (00:00:00) must be in 1..86400 s");
        assertThatThrownBy(() -> HealthCheck.builder().interval(Duration.ofSeconds(86_401)).build())
                .hasMessageContaining("must be in 0..86400 s");
        assertThatThrownBy(() -> new FarmAffinity(true, "")).hasMessage("cookieName must not be empty");
        assertThatThrownBy(() -> new SiteBinding("Default Web Site", "https", "*", 70000, "", 0, Optional.empty()))
                .hasMessage("binding port (70000) must be in 1..65535");
        assertThatThrownBy(() -> new CertificateBinding("abc", "MY")).hasMessageContaining("is not 40 hex digits");
        assertThatThrownBy(() -> WebFarm.builder("F").server("a", s -> { }).server("A", s -> { }).build())
                .hasMessage("webFarm 'F' lists server 'A' twice");
        assertThatThrownBy(() -> ArrConfig.builder().rule("r", r -> { }).rule("R", r -> { }).build())
                .hasMessage("two rules are named 'R'");
        assertThatThrownBy(() -> LoadBalancingAlgorithm.of("Random")).hasMessageContaining("'Random' is not one of");
    }

    @Test
    void timeSpansReadAndWriteAsIisDoes() {
        assertThat(TimeSpans.format(Duration.ofSeconds(30))).isEqualTo("00:00:30");
        assertThat(TimeSpans.format(Duration.ofHours(26).plusMinutes(3))).isEqualTo("1.02:03:00");
        assertThat(TimeSpans.format(Duration.ofMillis(100))).isEqualTo("00:00:00.1");
        assertThat(TimeSpans.parse("00:00:00.1")).isEqualTo(Duration.ofMillis(100));
        assertThat(TimeSpans.parse("0.00:20:00")).isEqualTo(Duration.ofMinutes(20));
        assertThat(TimeSpans.parse(" 1.02:03:04 ")).isEqualTo(Duration.ofSeconds(93_784));
        assertThatThrownBy(() -> TimeSpans.parse("30s")).hasMessage("'30s' is not a time span (hh:mm:ss or d.hh:mm:ss)");
        assertThatThrownBy(() -> TimeSpans.parse("00:61:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRendererFollowsTheGuidesIisSection() {
        Deployment d = Fixtures.reference();
        ArrConfig arr = ArrConfigRenderer.render(d);
        assertThat(arr.farms()).extracting(WebFarm::name).containsExactly("PatientSecure Identity Server",
                "PatientSecure Web Services", "PatientSecure User Interface Server", "PatientSecure Reporting Service",
                "PatientSecure Admin Console", "PatientSecure Emergency Search Service",
                "PatientSecure Emergency Search Service 7006", "PatientSecure System Health Service");
        WebFarm admin = arr.farm("PatientSecure Admin Console").orElseThrow();
        assertThat(admin.servers()).allMatch(s -> s.httpPort() == 80 && s.httpsPort() == 443 && s.enabled());
        assertThat(arr.farm("PatientSecure Emergency Search Service 7006").orElseThrow().servers())
                .allMatch(s -> s.httpsPort() == 7006);
        for (WebFarm f : arr.farms()) {
            assertThat(f.healthCheck().minServers()).as(f.name()).isEqualTo(1);
            assertThat(f.healthCheck().enabled()).as(f.name()).isTrue();
        }
        assertThat(arr.farm("PatientSecure Web Services").orElseThrow().healthCheck())
                .extracting(HealthCheck::url, HealthCheck::statusCodeMatch)
                .containsExactly("https://patientsecure.hospital.org:7002/psws/api/public/status", "200-302");
        assertThat(arr.farms().stream().filter(f -> f.affinity().useCookie()).map(WebFarm::name)).containsExactly(
                "PatientSecure Web Services", "PatientSecure User Interface Server", "PatientSecure Admin Console",
                "PatientSecure Emergency Search Service", "PatientSecure Emergency Search Service 7006");
        // ARR-002/ARR-003: only SSL rules, anchored on the port; the Admin Console keeps both, on 80 and 443
        assertThat(arr.rules()).filteredOn(r -> !r.name().endsWith("_SSL")).extracting(RewriteRule::name)
                .containsExactly("ARR_PatientSecure Admin Console_loadbalance");
        RewriteRule identity = arr.rule("ARR_PatientSecure Identity Server_loadbalance_SSL").orElseThrow();
        assertThat(identity.conditions()).contains(RuleCondition.of("{SERVER_PORT}", "^7001$"));
        assertThat(identity.actionUrl()).isEqualTo("https://PatientSecure Identity Server/{R:0}");
        assertThat(ArrConfigRenderer.removedRules(d)).contains("ARR_PatientSecure Identity Server_loadbalance")
                .doesNotContain("ARR_PatientSecure Admin Console_loadbalance");
        // ARR-004: a binding per published port, HTTPS ones with the LB certificate's thumbprint
        assertThat(arr.bindings()).extracting(SiteBinding::key).containsExactly("https/*:7001:", "https/*:7002:",
                "https/*:7003:", "https/*:7004:", "http/*:80:", "https/*:443:", "https/*:7005:", "https/*:7006:",
                "https/*:7007:");
        String lb = ArrConfigRenderer.thumbprint(d.loadBalancer().certificate().orElseThrow());
        assertThat(arr.bindings()).filteredOn(SiteBinding::secure)
                .allMatch(b -> b.certificate().map(CertificateBinding::thumbprint).equals(Optional.of(lb)));
        assertThat(ArrConfigRenderer.notes(d)).anyMatch(n -> n.contains("ARR proxies HTTP only"));
        assertThat(List.of(IisScripts.appcmd(d), IisScripts.powerShell(d))).allMatch(s -> s.contains("\r\n"));
    }
}
