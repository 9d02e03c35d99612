package io.hakit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.TransportException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

    @Test
    void servesEveryPathOnLoopbackUntilClosed() throws Exception {
        URI url;
        try (LoopbackServer s = LoopbackServer.builder().handler(ex -> {
            byte[] body = ex.getRequestURI().getPath().getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }).start()) {
            url = s.url();
            assertThat(url.getScheme()).isEqualTo("http");
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            HttpURLConnection c = (HttpURLConnection) url.resolve("/a/b").toURL().openConnection();
            assertThat(c.getResponseCode()).isEqualTo(200);
            assertThat(new String(c.getInputStream().readAllBytes())).isEqualTo("/a/b");
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        }
        HttpURLConnection after = (HttpURLConnection) url.toURL().openConnection();
        assertThatThrownBy(after::getResponseCode).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aTakenPortIsATransportException() {
        try (LoopbackServer s = LoopbackServer.builder().handler(ex -> ex.close()).start()) {
            assertThatThrownBy(() -> LoopbackServer.builder().port(s.url().getPort()).handler(ex -> ex.close()).start())
                    .isInstanceOf(TransportException.class).hasMessageContaining("cannot listen on 127.0.0.1:");
        }
    }

    @Test
    void misuseFailsFast() throws Exception {
        assertThatThrownBy(() -> LoopbackServer.builder().port(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 0-65535");
        assertThatThrownBy(() -> LoopbackServer.builder().start()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handler");
        var key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate();
        assertThatThrownBy(() -> new ServerIdentity(new java.security.cert.X509Certificate[0], key))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSettableClockMovesOnlyWhenTold() {
        SettableClock c = new SettableClock();
        assertThat(c.instant()).isEqualTo(SettableClock.DEFAULT_START);
        c.advance(java.time.Duration.ofSeconds(5));
        assertThat(c.instant()).isEqualTo(SettableClock.DEFAULT_START.plusSeconds(5));
    }
}
