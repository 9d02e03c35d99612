package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MllpEndpointTest {

    @Test
    void parsesHostAndPort() {
        assertThat(MllpEndpoint.parse("app1.hospital.org:2244")).isEqualTo(MllpEndpoint.of("app1.hospital.org", 2244));
        assertThat(MllpEndpoint.parse("[::1]:2244").host()).isEqualTo("::1");
        assertThat(MllpEndpoint.parse("[::1]:2244").toString()).isEqualTo("[::1]:2244");
    }

    @Test
    void pinsAnAddressButKeepsTheName() {
        MllpEndpoint e = MllpEndpoint.of("app1.hospital.org", 2244).withAddress(TestNet.LOOPBACK);
        assertThat(e.host()).isEqualTo("app1.hospital.org");
        assertThat(e.socketAddress().getAddress()).isEqualTo(TestNet.LOOPBACK);
        assertThat(e.toString()).isEqualTo("app1.hospital.org:2244 (127.0.0.1)");
    }

    @Test
    void rejectsMalformedEndpoints() {
        assertThatThrownBy(() -> MllpEndpoint.parse("nohost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> MllpEndpoint.parse("h:x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("number");
        assertThatThrownBy(() -> MllpEndpoint.of("h", 70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port");
        assertThatThrownBy(() -> MllpEndpoint.of(null, 1)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("host");
    }
}
