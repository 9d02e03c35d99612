package io.hakit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.hakit.model.TimeoutException;
import io.hakit.model.TransportException;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.tls.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.hakit.rest.testing.CapturingLogs;
import org.junit.jupiter.api.Test;

class RestTransportTest {

    private static final String PASSWORD = "Pw-9f3c7d1e";
    private static final String TOKEN = "TOKEN5A7B9C1D3E5F";
    private static final String COOKIE = "C00KIE-77aa66bb";

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            seen.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getRequestHeaders().getFirst("X-F5-Auth-Token")
                    + " " + new String(in, StandardCharsets.UTF_8));
            if (ex.getRequestURI().getPath().equals("/slow")) {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = ("{\"token\":{\"token\":\"" + TOKEN + "\"}}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("Set-Cookie", "NITRO_AUTH_TOKEN=" + COOKIE + "; path=/nitro/v1");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        CapturingLogs.clear();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void theCapturingProviderIsBound() {
        assertThat(CapturingLogs.active()).as("slf4j.provider=io.hakit.rest.testing.CapturingLogs").isTrue();
    }

    @Test
    void httpClientsOwnConnectionsWouldLogTheSecrets() throws IOException {
        // the control: an ordinary HttpClient 5 at TRACE prints the password and the token
        try (CloseableHttpClient plain = HttpClients.createDefault()) {
            HttpPost post = new HttpPost(url().resolve("/mgmt/shared/authz/tokens/" + TOKEN));
            post.setHeader("X-F5-Auth-Token", TOKEN);
            post.setEntity(new StringEntity("{\"password\":\"" + PASSWORD + "\"}", ContentType.APPLICATION_JSON));
            plain.execute(post, r -> EntityUtils.toString(r.getEntity()));
        }
        String all = String.join("\n", CapturingLogs.lines());
        assertThat(all).contains(PASSWORD).contains(TOKEN).contains(COOKIE);
    }

    @Test
    void noSecretReachesALoggerAtAnyLevel() {
        try (RestTransport t = RestTransport.builder().url(url()).build()) {
            RestResponse r = t.execute(RestRequest.of("DELETE", "/mgmt/shared/authz/tokens/" + TOKEN)
                    .withHeader("X-F5-Auth-Token", TOKEN).withHeader("Cookie", "NITRO_AUTH_TOKEN=" + COOKIE)
                    .withHeader("Authorization", "Basic " + PASSWORD)
                    .withBody(("{\"password\":\"" + PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8), RestRequest.JSON));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("set-cookie")).containsExactly("NITRO_AUTH_TOKEN=" + COOKIE + "; path=/nitro/v1");
        }
        // the device got the real path, token and body
        assertThat(seen).containsExactly("DELETE /mgmt/shared/authz/tokens/" + TOKEN + " " + TOKEN
                + " {\"password\":\"" + PASSWORD + "\"}");
        List<String> lines = CapturingLogs.lines();
        // HttpClient's exec chain did log the request line, with the token masked
        assertThat(lines).anyMatch(l -> l.contains("org.apache.hc.client5") && l.contains("/mgmt/shared/authz/tokens/***"));
        assertThat(String.join("\n", lines)).doesNotContain(PASSWORD).doesNotContain(TOKEN).doesNotContain(COOKIE);
    }

    @Test
    void plainHttpToARemoteDeviceIsRefusedWithWhyAndHow() {
        assertThatThrownBy(() -> RestTransport.builder().url(URI.create("http://adc.hospital.org")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unencrypted").hasMessageContaining("password")
                .hasMessageContaining("https://adc.hospital.org").hasMessageContaining("--allow-plain-http")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void plainHttpAllowedForALabLogsAWarning() {
        try (RestTransport t = RestTransport.builder().url(URI.create("http://192.0.2.10")).allowPlainHttp(true).build()) {
            assertThat(t.url().getHost()).isEqualTo("192.0.2.10");
        }
        assertThat(CapturingLogs.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("plain HTTP to 192.0.2.10"));
    }

    @Test
    void plainHttpToLoopbackNeedsNoOption() {
        assertThat(RestTransport.isLoopback("127.0.0.1")).isTrue();
        assertThat(RestTransport.isLoopback("127.8.9.10")).isTrue();
        assertThat(RestTransport.isLoopback("localhost")).isTrue();
        assertThat(RestTransport.isLoopback("[::1]")).isTrue();
        assertThat(RestTransport.isLoopback("128.0.0.1")).isFalse();
        assertThat(RestTransport.isLoopback("127.0.0.1.nip.io")).isFalse();
        try (RestTransport t = RestTransport.builder().url(url()).build()) {
            assertThat(t.execute(RestRequest.of("GET", "/x")).status()).isEqualTo(200);
        }
        assertThat(CapturingLogs.lines()).noneMatch(l -> l.startsWith("WARN"));
    }

    @Test
    void aResponseTimeOutSaysSoByItsKind() {
        try (RestTransport t = RestTransport.builder().url(url())
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> t.execute(RestRequest.of("GET", "/slow")))
                    .isInstanceOfSatisfying(TimeoutException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TimeoutException.Kind.RESPONSE);
                        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(300));
                    })
                    .hasMessageContaining("response time-out (300 ms) fired").hasMessageContaining("GET /slow");
        }
    }

    @Test
    void aConnectTimeOutSaysSoByItsKind() throws IOException {
        // a listening socket whose backlog is full: the kernel drops further SYNs, so connecting hangs
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (IOException e) {
                        s.close();
                        break;
                    }
                }
                URI u = URI.create("http://127.0.0.1:" + full.getLocalPort());
                try (RestTransport t = RestTransport.builder().url(u)
                        .timeouts(Duration.ofMillis(250), Duration.ofSeconds(1)).build()) {
                    assertThatThrownBy(() -> t.execute(RestRequest.of("GET", "/")))
                            .isInstanceOfSatisfying(TransportException.class, e -> {
                                if (e instanceof TimeoutException te) {
                                    assertThat(te.kind()).isIn(TimeoutException.Kind.CONNECT, TimeoutException.Kind.RESPONSE);
                                }
                            });
                }
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aRefusedConnectionNamesTheHost() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (RestTransport t = RestTransport.builder().url(URI.create("http://127.0.0.1:" + port)).build()) {
            assertThatThrownBy(() -> t.execute(RestRequest.of("GET", "/nitro/v1/config/lbvserver")))
                    .isExactlyInstanceOf(TransportException.class)
                    .hasMessageContaining("cannot connect to 127.0.0.1:" + port)
                    .hasMessageContaining("GET /nitro/v1/config/lbvserver");
        }
    }

    @Test
    void anExpiredDeviceCertificateSaysExpiredAndDoesNotAskForTheCaThatWasGiven() throws IOException {
        ThrowawayCa ca = ThrowawayCa.create("hakit rest test CA");
        ThrowawayCa.Issued expired = ca.issue(s -> s.commonName("127.0.0.1").ipAddresses("127.0.0.1")
                .expired(Duration.ofDays(2)));
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(expired.serverContext()));
        https.createContext("/", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        https.start();
        try (RestTransport t = RestTransport.builder().url(URI.create("https://127.0.0.1:" + https.getAddress().getPort()))
                .tls(TlsSettings.builder().trust(ca.chain()).build()).build()) {
            assertThatThrownBy(() -> t.execute(RestRequest.of("GET", "/")))
                    .isInstanceOf(TransportException.class).hasMessageContaining("expired")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("--ca"));
        } finally {
            https.stop(0);
        }
    }

    @Test
    void anUntrustedCertificateAsksForTheCaOnlyWhenNoneWasGiven() throws IOException {
        ThrowawayCa ca = ThrowawayCa.create("hakit rest test CA");
        ThrowawayCa other = ThrowawayCa.create("another CA");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ca.issueServer("127.0.0.1").serverContext()));
        https.createContext("/", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        https.start();
        URI u = URI.create("https://127.0.0.1:" + https.getAddress().getPort());
        try (RestTransport none = RestTransport.builder().url(u).build();
                RestTransport wrong = RestTransport.builder().url(u).tls(TlsSettings.builder().trust(other.chain()).build())
                        .build();
                RestTransport right = RestTransport.builder().url(u).tls(TlsSettings.builder().trust(ca.chain()).build())
                        .build()) {
            assertThatThrownBy(() -> none.execute(RestRequest.of("GET", "/"))).isInstanceOf(TransportException.class)
                    .hasMessageContaining("not trusted").hasMessageContaining("pass the CA that signed it (--ca");
            assertThatThrownBy(() -> wrong.execute(RestRequest.of("GET", "/"))).isInstanceOf(TransportException.class)
                    .hasMessageContaining("not trusted").hasMessageContaining("not signed by the CA you gave");
            assertThat(right.execute(RestRequest.of("GET", "/")).status()).isEqualTo(204);
        } finally {
            https.stop(0);
        }
    }

    @Test
    void skippingVerificationTakesTheNamedOptInAndWarns() throws IOException {
        ThrowawayCa ca = ThrowawayCa.create("hakit rest test CA");
        HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(ca.issueServer("elsewhere.example").serverContext()));
        https.createContext("/", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        https.start();
        try (RestTransport t = RestTransport.builder().url(URI.create("https://127.0.0.1:" + https.getAddress().getPort()))
                .insecureSkipVerify(true).build()) {
            assertThat(t.execute(RestRequest.of("GET", "/")).status()).isEqualTo(204);
            assertThat(CapturingLogs.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("insecureSkipVerify"));
        } finally {
            https.stop(0);
        }
    }
}
