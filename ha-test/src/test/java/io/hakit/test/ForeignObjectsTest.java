package io.hakit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.model.tls.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForeignObjectsTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private HttpServer server;
    private DeviceTarget target;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(x.getRequestMethod() + " " + x.getRequestURI() + " nitro=" + x.getRequestHeaders().getFirst("X-NITRO-USER")
                    + "/" + x.getRequestHeaders().getFirst("X-NITRO-PASS") + " auth=" + x.getRequestHeaders().getFirst("Authorization")
                    + " type=" + x.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] answer = "{\"message\":\"the answer\"}".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        });
        server.start();
        target = DeviceTarget.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "nsroot",
                "s3cret".toCharArray(), TlsSettings.defaults());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void nitroAddsWithPostAndBindsWithPutTheResourceWrappedAndTheNitroHeaders() {
        ForeignObjects nitro = ForeignObjects.nitro(target);
        nitro.add("server", Map.of("name", "web01"));
        nitro.bind("lbvserver_servicegroup_binding", Map.of("name", "vs"));

        assertThat(seen).containsExactly(
                "POST /nitro/v1/config/server nitro=nsroot/s3cret auth=null type=application/json {\"server\":{\"name\":\"web01\"}}",
                "PUT /nitro/v1/config/lbvserver_servicegroup_binding nitro=nsroot/s3cret auth=null type=application/json "
                        + "{\"lbvserver_servicegroup_binding\":{\"name\":\"vs\"}}");
    }

    @Test
    void iControlCreatesWithPostTheBodyAsItIsAndBasicAuthentication() {
        ForeignObjects.iControl(target).create("ltm/node", Map.of("name", "10.30.1.11"));

        assertThat(seen).containsExactly("POST /mgmt/tm/ltm/node nitro=null/null auth=Basic bnNyb290OnMzY3JldA== "
                + "type=application/json {\"name\":\"10.30.1.11\"}");
    }

    @Test
    void anAnswerOtherThan2xxFailsTheTestWithTheRequestAndTheAnswer() {
        status = 409;
        assertThatThrownBy(() -> ForeignObjects.iControl(target).create("ltm/pool", Map.of("name", "p")))
                .isInstanceOf(AssertionError.class)
                .hasMessage("POST ltm/pool {name=p}: 409 {\"message\":\"the answer\"}");
        status = 599;
        assertThatThrownBy(() -> ForeignObjects.nitro(target).add("server", Map.of("name", "s")))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("POST server {name=s}: 599 ");
        status = 404;
        assertThatThrownBy(() -> ForeignObjects.nitro(target).bind("b", Map.of()))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("PUT b {}: 404 ");
    }

    @Test
    void aNitroWriterHasNoCreateAndAnIControlWriterNoAddOrBind() {
        assertThatThrownBy(() -> ForeignObjects.nitro(target).create("ltm/node", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NITRO writer has add and bind");
        assertThatThrownBy(() -> ForeignObjects.iControl(target).add("server", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("iControl writer has create");
        assertThatThrownBy(() -> ForeignObjects.iControl(target).bind("b", Map.of()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void nullsAreRefusedByName() {
        assertThatThrownBy(() -> ForeignObjects.nitro(null)).isInstanceOf(NullPointerException.class).hasMessage("target");
        assertThatThrownBy(() -> ForeignObjects.nitro(target).add(null, Map.of())).hasMessage("resource");
        assertThatThrownBy(() -> ForeignObjects.iControl(target).create("ltm/node", null)).hasMessage("body");
    }
}
