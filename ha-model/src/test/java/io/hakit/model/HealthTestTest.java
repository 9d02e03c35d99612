package io.hakit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HealthTestTest {

    @Test
    void defaultsAreTheNamedConstants() {
        HealthTest t = HealthTest.builder().build();
        assertThat(t.path()).isEqualTo("/");
        assertThat(t.method()).isEqualTo(HealthTest.DEFAULT_METHOD).isEqualTo("GET");
        assertThat(t.statusCodes()).isEqualTo(HealthTest.DEFAULT_STATUS_CODES).hasToString("200-399");
        assertThat(t.responseMatch()).isEmpty();
        assertThat(t.interval()).isEqualTo(HealthTest.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.timeout()).isEqualTo(HealthTest.DEFAULT_TIMEOUT).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.minServers()).isEqualTo(HealthTest.DEFAULT_MIN_SERVERS).isEqualTo(1);
    }

    @Test
    void theCatalogCarriesTheGuidesTests() {
        HealthTest ids = ServiceType.IDENTITY_SERVER.healthTest().orElseThrow();
        assertThat(ids.path()).isEqualTo("/identityserver");
        assertThat(ids.statusCodes()).hasToString("200-399");
        assertThat(ids.responseMatch()).contains("IdentityServer4");
        HealthTest web = ServiceType.WEB_SERVICES.healthTest().orElseThrow();
        assertThat(web.path()).isEqualTo("/psws/api/public/status");
        assertThat(web.statusCodes()).hasToString("200-302");
        assertThat(web.responseMatch()).isEmpty();
        assertThat(ServiceType.USER_INTERFACE.healthTest().orElseThrow().responseMatch()).contains("UserInterface3");
        assertThat(ServiceType.ADMIN_CONSOLE.healthTest().orElseThrow().path()).isEqualTo("/AdminConsole");
        assertThat(ServiceType.HL7.healthTest()).isEmpty();
    }

    @Test
    void anEmptyResponseMatchMeansNone() {
        assertThat(HealthTest.builder().responseMatch("").build().responseMatch()).isEmpty();
    }

    @Test
    void aPathMustStartWithASlash() {
        assertThatThrownBy(() -> HealthTest.builder().path("api").build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("health test path 'api' must start with '/'");
    }

    @Test
    void intervalAndTimeoutMustBePositive() {
        assertThatThrownBy(() -> HealthTest.builder().interval(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interval (PT0S) must be positive");
        assertThatThrownBy(() -> HealthTest.builder().timeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout (PT-1S) must be positive");
    }

    @Test
    void minServersMustNotBeNegative() {
        assertThatThrownBy(() -> HealthTest.builder().minServers(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minServers (-1) must not be negative");
        assertThat(HealthTest.builder().minServers(0).build().minServers()).isZero();
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> HealthTest.builder().path(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("path");
        assertThatThrownBy(() -> HealthTest.builder().statusCodes(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("statusCodes");
        assertThatThrownBy(() -> HealthTest.builder().interval(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("interval");
    }

    @Test
    void copyChangesOnlyWhatItIsTold() {
        HealthTest t = ServiceType.WEB_SERVICES.healthTest().orElseThrow();
        HealthTest faster = t.copy(b -> b.interval(Duration.ofSeconds(10)));
        assertThat(faster.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(faster.path()).isEqualTo(t.path());
        assertThat(faster).isNotEqualTo(t);
        assertThat(t.copy(b -> { })).isEqualTo(t).hasSameHashCodeAs(t);
        assertThat(t.toString()).contains("GET /psws/api/public/status", "200-302");
    }
}
