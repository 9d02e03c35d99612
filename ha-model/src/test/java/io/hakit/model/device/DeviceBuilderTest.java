package io.hakit.model.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Retry;
import io.hakit.model.tls.TlsSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeviceBuilderTest {

    /** A client builder as a vendor module writes one. */
    static final class ClientBuilder extends DeviceBuilder<ClientBuilder> {
        ClientBuilder() {
            super(Duration.ofSeconds(10), Duration.ofSeconds(60), Retry.backoff(2, Duration.ofMillis(100)));
        }

        DeviceOptions build() {
            return deviceOptions();
        }
    }

    /** An adapter builder handing its options to the client builder. */
    static final class AdapterBuilder extends DeviceBuilder<AdapterBuilder> {
        AdapterBuilder() {
            super(Duration.ofSeconds(10), Duration.ofSeconds(60), Retry.backoff(2, Duration.ofMillis(100)));
        }

        DeviceOptions build() {
            ClientBuilder client = new ClientBuilder();
            copyDeviceOptionsTo(client);
            return client.build();
        }
    }

    @Test
    void everyOptionSetOnTheAdapterReachesTheClient() {
        char[] password = "s3cret".toCharArray();
        Retry retry = Retry.backoff(4, Duration.ofMillis(250));
        DeviceOptions o = new AdapterBuilder().url("https://adc.hospital.org:8443").credentials("nsroot", password)
                .tls(TlsSettings.defaults()).timeouts(Duration.ofSeconds(3), Duration.ofSeconds(7)).retry(retry)
                .allowPlainHttp(true).insecureSkipVerify(true).build();

        assertThat(o.url()).isEqualTo(URI.create("https://adc.hospital.org:8443"));
        assertThat(o.user()).isEqualTo("nsroot");
        assertThat(o.password()).containsExactly('s', '3', 'c', 'r', 'e', 't');
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.responseTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.retry()).isEqualTo(retry);
        assertThat(o.allowPlainHttp()).isTrue();
        assertThat(o.insecureSkipVerify()).isTrue();
    }

    @Test
    void defaultsAreTheBuildersAndVerificationIsOn() {
        DeviceOptions o = new ClientBuilder().url(URI.create("https://bigip")).credentials("admin", "pw").build();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.responseTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.retry().maxRetries()).isEqualTo(2);
        assertThat(o.insecureSkipVerify()).isFalse();
        assertThat(o.allowPlainHttp()).isFalse();
    }

    @Test
    void thePasswordIsCopiedInAndOutAndNeverShown() {
        char[] password = "hunter2".toCharArray();
        ClientBuilder b = new ClientBuilder().url("https://adc").credentials("nsroot", password);
        password[0] = 'X';
        DeviceOptions o = b.build();
        char[] out = o.password();
        out[0] = 'Y';

        assertThat(o.password()).startsWith('h');
        assertThat(o.toString()).doesNotContain("hunter2").contains("password=(given)");
        assertThat(b.toString()).doesNotContain("hunter2");
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        ClientBuilder b = new ClientBuilder();
        assertThatThrownBy(() -> b.url("ftp://adc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://adc");
        assertThatThrownBy(() -> b.url("https:///nohost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> b.timeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> b.responseTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("responseTimeout must be positive");
        assertThatThrownBy(b::build).isInstanceOf(NullPointerException.class).hasMessage("url");
        assertThatThrownBy(() -> b.url("https://adc").build()).isInstanceOf(NullPointerException.class)
                .hasMessage("credentials");
    }

    @Test
    void aRefusedTimeOutLeavesTheOtherAsItWas() {
        ClientBuilder b = new ClientBuilder().url("https://adc").credentials("u", "p");
        assertThatThrownBy(() -> b.timeouts(Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(b.build().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }
}
