package io.hakit.f5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class F5NamesTest {

    @Test
    void itemPathUsesTildesAndEncodesRouteDomainPercent() {
        assertThat(F5Names.itemPath("/mgmt/tm/ltm/pool", "Common", "ps-web-7002"))
                .isEqualTo("/mgmt/tm/ltm/pool/~Common~ps-web-7002");
        assertThat(F5Names.itemPath("/mgmt/tm/ltm/node", "Common", "10.0.0.1%2"))
                .isEqualTo("/mgmt/tm/ltm/node/~Common~10.0.0.1%252");
        assertThat(F5Names.itemPath("/mgmt/tm/ltm/pool", "Common", "a b")).isEqualTo("/mgmt/tm/ltm/pool/~Common~a%20b");
    }

    @Test
    void destinationsUseDotBeforeTheIpv6Port() {
        assertThat(F5Names.destination("Common", "10.20.0.50", 443)).isEqualTo("/Common/10.20.0.50:443");
        assertThat(F5Names.destination("Common", "10.1.1.1%2", 443)).isEqualTo("/Common/10.1.1.1%2:443");
        assertThat(F5Names.destination("Common", "2001:db8::1", 443)).isEqualTo("/Common/2001:db8::1.443");
        assertThat(F5Names.portOf("/Common/2001:db8::1.443")).isEqualTo(443);
        assertThat(F5Names.addressOf("/Common/2001:db8::1.443")).isEqualTo("2001:db8::1");
        assertThat(F5Names.portOf("/Common/10.1.1.1%2:2244")).isEqualTo(2244);
        assertThat(F5Names.addressOf("/Common/10.1.1.1%2:2244")).isEqualTo("10.1.1.1%2");
        assertThat(F5Names.addressOf("app1.hospital.org:7001")).isEqualTo("app1.hospital.org");
    }

    @Test
    void badPortsAreRefused() {
        assertThatThrownBy(() -> F5Names.addressPort("10.0.0.1", 70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("70000");
    }

    @Test
    void bareReferencesGetTheCommonPrefix() {
        assertThat(F5Names.qualify("tcp")).isEqualTo("/Common/tcp");
        assertThat(F5Names.qualify("/Other/x")).isEqualTo("/Other/x");
    }
}
