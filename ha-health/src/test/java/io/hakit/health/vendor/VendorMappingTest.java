package io.hakit.health.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.health.MonitorProfile;
import io.hakit.model.HealthTest;
import io.hakit.model.ServiceType;
import io.hakit.model.StatusCodes;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VendorMappingTest {

    static final HealthTest IDENTITY = ServiceType.IDENTITY_SERVER.healthTest().orElseThrow();
    static final HealthTest WEB = ServiceType.WEB_SERVICES.healthTest().orElseThrow();

    @Test
    void arrCarriesTheGuideTestExactly() {
        ArrHealthCheck arr = ArrHealthCheck.from(IDENTITY, "https://ps.hospital.org:7001/identityserver");
        assertThat(arr.notCarried()).isEmpty();
        assertThat(arr.attributes()).containsExactly(
                entry("url", "https://ps.hospital.org:7001/identityserver"),
                entry("interval", "00:00:30"),
                entry("timeout", "00:00:10"),
                entry("statusCodeMatch", "200-399"),
                entry("responseMatch", "IdentityServer4"),
                entry("minServers", "1"));
    }

    @Test
    void arrReportsWhatItCannotCarry() {
        HealthTest odd = HealthTest.builder().path("/api").method("HEAD").statusCodes(StatusCodes.parse("200,302"))
                .interval(Duration.ofMillis(2500)).build();
        ArrHealthCheck arr = ArrHealthCheck.from(odd, "https://lb:7004/api");
        assertThat(arr.interval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(arr.attributes()).doesNotContainKey("responseMatch").containsEntry("statusCodeMatch", "200,302");
        assertThat(arr.notCarried()).hasSize(3)
                .anyMatch(s -> s.startsWith("method HEAD"))
                .anyMatch(s -> s.startsWith("interval 2500 ms rounded up to 3 s"))
                .anyMatch(s -> s.contains("comma list is unverified"));
        assertThatThrownBy(() -> ArrHealthCheck.from(odd, "https://lb:7004/other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path");
    }

    @Test
    void citrixUsesHttpEcvForAResponseMatch() {
        CitrixMonitor m = CitrixMonitor.from(IDENTITY, "app1.hospital.org", true);
        assertThat(m.type()).isEqualTo("HTTP-ECV");
        assertThat(m.secure()).isTrue();
        assertThat(m.send()).contains("GET /identityserver HTTP/1.1\r\nHost: app1.hospital.org\r\nConnection: close\r\n\r\n");
        assertThat(m.recv()).contains("IdentityServer4");
        assertThat(m.retries()).isEqualTo(3);
        assertThat(m.successRetries()).isEqualTo(1);
        assertThat(m.notCarried()).containsExactly("status codes 200-399: an HTTP-ECV monitor checks the recv string only");
        assertThat(m.nitroAttributes("mon_ps_7001")).containsEntry("type", "HTTP-ECV").containsEntry("secure", "YES")
                .containsEntry("interval", 30L).containsEntry("units3", "SEC").containsEntry("resptimeout", 10L)
                .doesNotContainKey("respcode");
    }

    @Test
    void citrixUsesHttpWithRespcodeWithoutAMatch() {
        CitrixMonitor m = CitrixMonitor.from(WEB, "app1.hospital.org", true, MonitorProfile.HAPROXY);
        assertThat(m.type()).isEqualTo("HTTP");
        assertThat(m.httpRequest()).contains("GET /psws/api/public/status");
        assertThat(m.respCodes()).containsExactly("200-302");
        assertThat(m.retries()).isEqualTo(3);
        assertThat(m.successRetries()).isEqualTo(2);
        assertThat(m.notCarried()).isEmpty();
        assertThat(m.nitroAttributes("mon")).containsEntry("respcode", List.of("200-302")).doesNotContainKey("send");
    }

    @Test
    void citrixKeepsResponseTimeoutBelowInterval() {
        HealthTest arrDefaults = WEB.copy(b -> b.interval(Duration.ofSeconds(30)).timeout(Duration.ofSeconds(30)));
        CitrixMonitor m = CitrixMonitor.from(arrDefaults, "h", true);
        assertThat(m.responseTimeout()).isEqualTo(Duration.ofSeconds(29)).isLessThan(m.interval());
        assertThat(m.notCarried()).singleElement().asString().contains("resptimeout < interval");

        HealthTest fast = WEB.copy(b -> b.interval(Duration.ofMillis(500)).timeout(Duration.ofMillis(200)));
        assertThat(CitrixMonitor.from(fast, "h", false).nitroAttributes("m")).containsEntry("units3", "MSEC")
                .containsEntry("interval", 500L).containsEntry("resptimeout", 200L).containsEntry("secure", "NO");
        assertThat(CitrixMonitor.from(WEB, "h", true, MonitorProfile.of(40, 200)).notCarried())
                .anyMatch(s -> s.startsWith("retries 200 lowered to 127")).anyMatch(s -> s.startsWith("successretries 40"));
    }

    @Test
    void f5TimeoutIsThreeIntervalsPlusOne() {
        HealthTest t = WEB.copy(b -> b.interval(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(16)));
        F5Monitor m = F5Monitor.from(t, "app1.hospital.org", true);
        assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(16));
        assertThat(m.notCarried()).isEmpty();
        assertThat(m.defaultsFrom()).isEqualTo("/Common/https");
        assertThat(m.attributes("mon_ps_7002")).containsEntry("interval", 5L).containsEntry("timeout", 16L)
                .containsEntry("send", "GET /psws/api/public/status HTTP/1.1\r\nHost: app1.hospital.org\r\nConnection: close\r\n\r\n");
    }

    @Test
    void f5CarriesStatusCodesAsTheRecvExpressionWithoutAMatch() {
        F5Monitor m = F5Monitor.from(WEB, "h", true);
        assertThat(m.recv()).isEqualTo("^HTTP/1\\.[01] (2[0-9][0-9]|300|301|302)");
        Pattern p = Pattern.compile(m.recv());
        assertThat(p.matcher("HTTP/1.1 200 OK\r\n").find()).isTrue();
        assertThat(p.matcher("HTTP/1.1 302 Found\r\n").find()).isTrue();
        assertThat(p.matcher("HTTP/1.1 303 See Other\r\n").find()).isFalse();
        assertThat(p.matcher("HTTP/1.1 503 Unavailable\r\n").find()).isFalse();
        assertThat(m.notCarried()).singleElement().asString().startsWith("timeout 10 s is not carried");
    }

    @Test
    void f5CarriesTheMatchLiterallyAndSaysStatusCodesAreLost() {
        HealthTest t = IDENTITY.copy(b -> b.responseMatch("status: (UP)").interval(Duration.ofMillis(1500)));
        F5Monitor m = F5Monitor.from(t, "h", false);
        assertThat(m.recv()).isEqualTo("status: \\(UP\\)");
        assertThat(Pattern.compile(m.recv()).matcher("{status: (UP)}").find()).isTrue();
        assertThat(m.interval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(m.defaultsFrom()).isEqualTo("/Common/http");
        assertThat(m.notCarried()).hasSize(3).anyMatch(s -> s.startsWith("status codes 200-399"));
    }

    private static java.util.Map.Entry<String, String> entry(String k, String v) {
        return java.util.Map.entry(k, v);
    }
}
