package io.hakit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceTest {

    @Test
    void everyValueComesFromTheCatalogByDefault() {
        Service s = Service.of(ServiceType.EMERGENCY_SEARCH);
        assertThat(s.name()).isEqualTo("emergency-search");
        assertThat(s.enabled()).isTrue();
        assertThat(s.ports()).containsExactly(7005, 7006);
        assertThat(s.lbPorts()).containsExactly(7005, 7006);
        assertThat(s.servers()).isEmpty();
        assertThat(s.url()).isEmpty();
        assertThat(s.healthTest()).isEqualTo(ServiceType.EMERGENCY_SEARCH.healthTest());
        assertThat(s.affinity()).isEmpty();
        assertThat(s.farmName()).isEqualTo("PatientSecure Emergency Search Service");
    }

    @Test
    void copyWithANewPortMovesADefaultedLoadBalancerPortToo() {
        // regression: toBuilder() froze the defaulted lbPorts, so the copy was published on the old port
        Service moved = Service.of(ServiceType.WEB_SERVICES).copy(b -> b.port(8002));
        assertThat(moved.ports()).containsExactly(8002);
        assertThat(moved.lbPorts()).containsExactly(8002);
    }

    @Test
    void copyKeepsAnExplicitLoadBalancerPort() {
        Service s = Service.builder(ServiceType.WEB_SERVICES).lbPorts(List.of(443)).build();
        Service moved = s.copy(b -> b.port(8002));
        assertThat(moved.lbPorts()).containsExactly(443);
        assertThat(s.copy(b -> { })).isEqualTo(s).hasSameHashCodeAs(s);
    }

    @Test
    void portsAreValidated() {
        assertThatThrownBy(() -> Service.builder(ServiceType.FHIR).port(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("services.fhir.ports").hasMessageContaining("(0)")
                .hasMessageContaining("1 and 65535");
        assertThatThrownBy(() -> Service.builder(ServiceType.FHIR).ports(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one or two ports, not 0");
        assertThatThrownBy(() -> Service.builder(ServiceType.FHIR).ports(List.of(1, 2, 3)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one or two ports, not 3");
        assertThatThrownBy(() -> Service.builder(ServiceType.FHIR).lbPorts(List.of(70000)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("services.fhir.lbPorts");
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> Service.builder(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("type");
        assertThatThrownBy(() -> Service.builder(ServiceType.FHIR).name(null))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
    }
}
