package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.RecordedRequest;
import io.hakit.test.F5SimulatorTest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@F5SimulatorTest
class F5SimulatorFaultsTest {
    private F5Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        http = SimHttp.loggedIn(sim);
    }

    @Test
    void failRequestAnswersTheTmosErrorAndChangesNothing() {
        sim.faults().failRequest(2, 400, "01020036:3: The requested Pool (/Common/x) was not found.");
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}").status()).isEqualTo(200);
        JsonNode before = sim.snapshot();
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"b\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("code").asInt()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("01020036:3: The requested Pool (/Common/x) was not found.");
        assertThat(r.json().path("errorStack").isArray()).isTrue();
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"b\"}").status()).isEqualTo(200);
    }

    @Test
    void faultsCountEveryRequestLoginsIncluded() {
        sim.faults().failRequest(1, 503, "The connection to mcpd has been lost, try again.");
        SimHttp.Resp r = new SimHttp(sim.url()).login("admin", "admin");
        assertThat(r.status()).isEqualTo(503);
        assertThat(sim.activeTokens("admin")).as("the faulted login made no token").isEqualTo(1);
    }

    @Test
    void delayedRequestIsAnsweredNormally() {
        sim.faults().delayRequest(1, Duration.ofMillis(200));
        assertThat(http.get("/mgmt/tm/sys/version").status()).isEqualTo(200);
    }

    @Test
    void resetRequestClosesTheConnectionWithoutAnAnswer() {
        sim.faults().resetRequest(1);
        assertThatThrownBy(() -> http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}")).isInstanceOf(UncheckedIOException.class);
        assertThat(http.get("/mgmt/tm/ltm/pool/~Common~a").status()).as("the reset request changed nothing").isEqualTo(404);
        List<RecordedRequest> reqs = sim.requests();
        assertThat(reqs.get(reqs.size() - 2).status()).isZero();
    }

    @Test
    void unavailableAnswers503HtmlForCountRequests() {
        sim.faults().unavailable(2);
        for (int i = 0; i < 2; i++) {
            SimHttp.Resp r = http.get("/mgmt/tm/ltm/pool");
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.contentType()).startsWith("text/html");
            assertThat(r.text()).contains("Configuration Utility restarting...").contains("Powered by Jetty://");
        }
        assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
    }

    @Test
    void htmlAnswersAJettyErrorPage() {
        sim.faults().html(1, 500);
        SimHttp.Resp r = http.get("/mgmt/tm/ltm/pool");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.text()).contains("<h2>HTTP ERROR 500</h2>").contains("AsyncContext timeout")
                .contains("Problem accessing /mgmt/tm/ltm/pool.");
    }

    @Test
    void faultedRequestsAreNotWrites() {
        sim.faults().failRequest(1, 400, "x");
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}");
        assertThat(sim.writeCount()).isZero();
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}");
        http.get("/mgmt/tm/ltm/pool");
        assertThat(sim.writeCount()).isEqualTo(1);
    }

    @Test
    void clearForgetsScheduledFaults() {
        sim.faults().failRequest(1, 400, "x").html(2, 500).failCommit("y");
        sim.faults().clear();
        assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
        assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThatThrownBy(() -> sim.faults().failRequest(0, 400, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().html(1, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().unavailable(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().delayRequest(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
