package io.hakit.f5;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.hakit.model.AuthenticationException;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.NotFoundException;
import io.hakit.model.TransportException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact requests and every error path of the iControl REST session, with WireMock. */
class IControlClientTest {

    static final String TOKEN = "FZ42XIKJMI6UGXDD7I3VU52EUY";
    static final String SECRET = "s3cret-Pa55";
    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    static String loginBody(String token, int timeout) {
        return "{\"username\":\"automation\",\"loginProviderName\":\"tmos\",\"token\":{\"token\":\"" + token
                + "\",\"name\":\"" + token + "\",\"userName\":\"automation\",\"timeout\":" + timeout
                + ",\"kind\":\"shared:authz:tokens:authtokenitemstate\"}}";
    }

    void stubLogin(int timeout) {
        wm.stubFor(post("/mgmt/shared/authn/login").willReturn(okJson(loginBody(TOKEN, timeout))));
        wm.stubFor(delete("/mgmt/shared/authz/tokens/" + TOKEN).willReturn(okJson("{}")));
    }

    IControlClient client() {
        return IControlClient.builder().url("http://127.0.0.1:" + wm.port()).credentials("automation", SECRET)
                .backoff(Duration.ofMillis(1)).retries(3).responseTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void logsInWithTmosProviderSendsTheTokenAndDeletesItOnClose() {
        stubLogin(1200);
        wm.stubFor(get("/mgmt/tm/sys/version").willReturn(okJson("{\"kind\":\"tm:sys:version:versionstats\"}")));
        try (IControlClient c = client()) {
            assertThat(c.get("/mgmt/tm/sys/version").path("kind").asText()).isEqualTo("tm:sys:version:versionstats");
            c.get("/mgmt/tm/sys/version");
            assertThat(c.requestCount()).isEqualTo(3);
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/mgmt/shared/authn/login")).withRequestBody(equalToJson(
                "{\"username\":\"automation\",\"password\":\"" + SECRET + "\",\"loginProviderName\":\"tmos\"}")));
        wm.verify(2, getRequestedFor(urlEqualTo("/mgmt/tm/sys/version")).withHeader("X-F5-Auth-Token", equalTo(TOKEN)));
        wm.verify(1, deleteRequestedFor(urlEqualTo("/mgmt/shared/authz/tokens/" + TOKEN)));
    }

    @Test
    void extendsATokenAboutToExpire() {
        stubLogin(30);
        wm.stubFor(patch(urlEqualTo("/mgmt/shared/authz/tokens/" + TOKEN)).willReturn(okJson("{\"timeout\":1200}")));
        wm.stubFor(get("/mgmt/tm/ltm/pool").willReturn(okJson("{\"items\":[]}")));
        try (IControlClient c = client()) {
            c.get("/mgmt/tm/ltm/pool");
            c.get("/mgmt/tm/ltm/pool");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/mgmt/shared/authn/login")));
        wm.verify(patchRequestedFor(urlEqualTo("/mgmt/shared/authz/tokens/" + TOKEN))
                .withRequestBody(equalToJson("{\"timeout\":1200}", true, true)));
    }

    @Test
    void anExpiredTokenIsReplacedAndTheRequestRetried() {
        wm.stubFor(post("/mgmt/shared/authn/login").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(loginBody("OLDTOKEN1", 1200))).willSetStateTo("second"));
        wm.stubFor(post("/mgmt/shared/authn/login").inScenario("t").whenScenarioStateIs("second")
                .willReturn(okJson(loginBody("NEWTOKEN2", 1200))));
        wm.stubFor(get("/mgmt/tm/ltm/node").withHeader("X-F5-Auth-Token", equalTo("OLDTOKEN1")).willReturn(aResponse()
                .withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"code\":401,\"message\":"
                        + "\"X-F5-Auth-Token has expired.\",\"referer\":\"10.0.0.1\",\"restOperationId\":1,"
                        + "\"kind\":\":resterrorresponse\"}")));
        wm.stubFor(get("/mgmt/tm/ltm/node").withHeader("X-F5-Auth-Token", equalTo("NEWTOKEN2"))
                .willReturn(okJson("{\"items\":[]}")));
        wm.stubFor(delete(urlPathEqualTo("/mgmt/shared/authz/tokens/NEWTOKEN2")).willReturn(okJson("{}")));
        try (IControlClient c = client()) {
            assertThat(c.get("/mgmt/tm/ltm/node").path("items").isArray()).isTrue();
        }
        wm.verify(2, postRequestedFor(urlEqualTo("/mgmt/shared/authn/login")));
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorThatNeverShowsThePassword() {
        wm.stubFor(post("/mgmt/shared/authn/login").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":401,\"message\":\"Authentication "
                        + "failed.\",\"referer\":\"10.0.0.1\",\"restOperationId\":7,\"kind\":\":resterrorresponse\"}")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> c.get("/mgmt/tm/ltm/pool")).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("login as automation refused: wrong user name or password")
                    .hasMessageNotContaining(SECRET);
        }
    }

    @Test
    void theTokenCapReachedBySomeoneElseIsNamed() {
        wm.stubFor(post("/mgmt/shared/authn/login").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":400,\"message\":\"user automation has "
                        + "reached maximum active login tokens\",\"referer\":\"x\",\"restOperationId\":9,\"kind\":"
                        + "\":resterrorresponse\"}")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> c.get("/mgmt/tm/ltm/pool")).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("already holds the most tokens").hasMessageContaining("100");
        }
    }

    @Test
    void tmosErrorsCarryStatusCodeMessageAndResource() {
        stubLogin(1200);
        wm.stubFor(post("/mgmt/tm/ltm/node").willReturn(aResponse().withStatus(409).withHeader("Content-Type",
                "application/json").withBody("{\"code\":409,\"message\":\"01020066:3: The requested Node (/Common/app1) "
                        + "already exists in partition Common.\",\"errorStack\":[\"at mcpd\"],\"apiError\":3}")));
        wm.stubFor(get("/mgmt/tm/ltm/pool/~Common~nope").willReturn(aResponse().withStatus(404).withHeader(
                "Content-Type", "application/json").withBody("{\"code\":404,\"message\":\"01020036:3: The requested Pool "
                        + "(/Common/nope) was not found.\",\"errorStack\":[],\"apiError\":3}")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> c.post("/mgmt/tm/ltm/node", F5Objects.node("app1").address("10.0.0.1").build().body()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.vendorCode()).isEqualTo("01020066");
                        assertThat(e.vendorMessage()).contains("already exists").contains("errorStack: at mcpd");
                        assertThat(e.request()).isEqualTo("POST /mgmt/tm/ltm/node");
                    });
            assertThatThrownBy(() -> c.get("/mgmt/tm/ltm/pool/~Common~nope")).isInstanceOfSatisfying(
                    NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("/Common/nope"));
            assertThat(c.find("/mgmt/tm/ltm/pool/~Common~nope")).isEmpty();
        }
    }

    @Test
    void retries503WithBackoffThenSucceeds() {
        stubLogin(1200);
        wm.stubFor(get("/mgmt/tm/ltm/pool").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html><title>503 Service Unavailable</title></html>"))
                .willSetStateTo("busy2"));
        wm.stubFor(get("/mgmt/tm/ltm/pool").inScenario("busy").whenScenarioStateIs("busy2")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"code\":400,\"message\":\"The connection to mcpd has been lost, try again.\",\"errorStack\":[],"
                                + "\"apiError\":32768001}")).willSetStateTo("ok"));
        wm.stubFor(get("/mgmt/tm/ltm/pool").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"items\":[]}")));
        try (IControlClient c = client()) {
            assertThat(c.get("/mgmt/tm/ltm/pool").path("items").size()).isZero();
        }
        wm.verify(3, getRequestedFor(urlEqualTo("/mgmt/tm/ltm/pool")));
    }

    @Test
    void stillBusyAfterTheRetriesSaysSo() {
        stubLogin(1200);
        wm.stubFor(get("/mgmt/tm/ltm/pool").willReturn(aResponse().withStatus(503).withBody("busy")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> c.get("/mgmt/tm/ltm/pool")).isInstanceOf(DeviceException.class)
                    .hasMessageContaining("still busy after 3 retries");
        }
        wm.verify(4, getRequestedFor(urlEqualTo("/mgmt/tm/ltm/pool")));
    }

    @Test
    void anHtmlJettyErrorIsReportedByItsTitle() {
        stubLogin(1200);
        wm.stubFor(post("/mgmt/tm/util/bash").willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                "text/html").withBody("<html><head><title>Error 500 AsyncContext timeout</title></head><body>x</body></html>")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> c.post("/mgmt/tm/util/bash", IControlClient.JSON.createObjectNode()))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("HTTP 500")
                    .hasMessageContaining("non-JSON answer").hasMessageContaining("AsyncContext timeout");
        }
    }

    @Test
    void aSlowDeviceFiresTheNamedResponseTimeout() {
        stubLogin(1200);
        wm.stubFor(get("/mgmt/tm/ltm/pool").willReturn(okJson("{}").withFixedDelay(3000)));
        try (IControlClient c = IControlClient.builder().url("http://127.0.0.1:" + wm.port())
                .credentials("automation", SECRET).responseTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> c.get("/mgmt/tm/ltm/pool")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("response time-out (300 ms) fired").hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void aConnectionResetIsATransportError() {
        stubLogin(1200);
        wm.stubFor(get("/mgmt/tm/ltm/pool").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> c.get("/mgmt/tm/ltm/pool")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void anUnreachableDeviceSaysItCannotConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (IControlClient c = IControlClient.builder().url("http://127.0.0.1:" + port).credentials("a", "b").build()) {
            assertThatThrownBy(() -> c.get("/mgmt/tm/sys/version")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
        }
    }

    @Test
    void fluentApiAndTransactionsSendTheRightRequests() {
        stubLogin(1200);
        wm.stubFor(post("/mgmt/tm/transaction").willReturn(okJson("{\"transId\":1389812351,\"state\":\"STARTED\","
                + "\"timeoutSeconds\":30}")));
        wm.stubFor(post("/mgmt/tm/ltm/pool").willReturn(okJson("{\"name\":\"p\"}")));
        wm.stubFor(patch(urlEqualTo("/mgmt/tm/transaction/1389812351")).willReturn(okJson(
                "{\"transId\":1389812351,\"state\":\"COMPLETED\"}")));
        try (IControlClient c = client()) {
            BigIp.of(c).atomically(tx -> tx.create(F5Objects.pool("p").minActiveMembers(0).member("10.0.0.1%2:80", 0)
                    .build()));
        }
        wm.verify(postRequestedFor(urlEqualTo("/mgmt/tm/ltm/pool"))
                .withHeader("X-F5-REST-Coordination-Id", equalTo("1389812351"))
                .withRequestBody(equalToJson("{\"name\":\"p\",\"partition\":\"Common\",\"minActiveMembers\":0,"
                        + "\"members\":[{\"name\":\"10.0.0.1%2:80\",\"partition\":\"Common\",\"priorityGroup\":0}]}")));
        wm.verify(patchRequestedFor(urlEqualTo("/mgmt/tm/transaction/1389812351"))
                .withoutHeader("X-F5-REST-Coordination-Id").withRequestBody(equalToJson("{\"state\":\"VALIDATING\"}")));
    }

    @Test
    void aFailedTransactionReportsTheDevicesReason() {
        stubLogin(1200);
        wm.stubFor(post("/mgmt/tm/transaction").willReturn(okJson("{\"transId\":5,\"state\":\"STARTED\"}")));
        wm.stubFor(post("/mgmt/tm/ltm/virtual").willReturn(okJson("{}")));
        wm.stubFor(patch(urlEqualTo("/mgmt/tm/transaction/5")).willReturn(okJson("{\"transId\":5,\"state\":\"FAILED\","
                + "\"failureReason\":\"01020036:3: The requested Pool (/Common/missing) was not found.\"}")));
        wm.stubFor(delete(urlEqualTo("/mgmt/tm/transaction/5")).willReturn(okJson("{}")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> BigIp.of(c).atomically(tx -> tx.create(F5Objects.virtual("v")
                    .destination("10.0.0.1", 443).pool("missing").build())))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("(/Common/missing) was not found");
            assertThatThrownBy(() -> BigIp.of(c).atomically(tx -> {
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
        }
        wm.verify(deleteRequestedFor(urlEqualTo("/mgmt/tm/transaction/5")));
    }

    @Test
    void subCollectionPostsAreRefusedInsideATransaction() {
        stubLogin(1200);
        wm.stubFor(post("/mgmt/tm/transaction").willReturn(okJson("{\"transId\":6}")));
        wm.stubFor(delete(urlEqualTo("/mgmt/tm/transaction/6")).willReturn(okJson("{}")));
        try (IControlClient c = client()) {
            assertThatThrownBy(() -> BigIp.of(c).atomically(tx -> tx.create("/mgmt/tm/ltm/pool/~Common~p/members",
                    IControlClient.JSON.valueToTree(Map.of("name", "10.0.0.1:80")))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inline");
        }
    }

    @Test
    void basicAuthSendsNoLoginAndNoToken() {
        wm.stubFor(get("/mgmt/tm/sys/version").willReturn(okJson("{}")));
        try (IControlClient c = IControlClient.builder().url("http://127.0.0.1:" + wm.port())
                .credentials("admin", "admin").basicAuth(true).build()) {
            c.get("/mgmt/tm/sys/version");
        }
        wm.verify(getRequestedFor(urlEqualTo("/mgmt/tm/sys/version")).withHeader("Authorization",
                equalTo("Basic YWRtaW46YWRtaW4=")));
        wm.verify(0, postRequestedFor(urlEqualTo("/mgmt/shared/authn/login")));
    }

    @Test
    void toStringShowsNoSecret() {
        try (IControlClient c = client()) {
            assertThat(c.toString()).doesNotContain(SECRET).contains("automation");
        }
    }

    @Test
    void largeUploadsAreSentInContentRangeChunks() {
        stubLogin(1200);
        wm.stubFor(post(urlPathEqualTo("/mgmt/shared/file-transfer/uploads/big.crt")).willReturn(okJson("{}")));
        byte[] content = new byte[IControlClient.UPLOAD_CHUNK + 10];
        try (IControlClient c = client()) {
            assertThat(c.upload("big.crt", content)).isEqualTo("file:///var/config/rest/downloads/big.crt");
        }
        wm.verify(postRequestedFor(urlEqualTo("/mgmt/shared/file-transfer/uploads/big.crt"))
                .withHeader("Content-Range", equalTo("0-" + (IControlClient.UPLOAD_CHUNK - 1) + "/" + content.length)));
        wm.verify(postRequestedFor(urlEqualTo("/mgmt/shared/file-transfer/uploads/big.crt"))
                .withHeader("Content-Range", equalTo(IControlClient.UPLOAD_CHUNK + "-" + (content.length - 1) + "/"
                        + content.length)));
    }

    @Test
    void tokensInPathsAreMaskedInMessages() {
        assertThat(io.hakit.f5.internal.Errors.mask("DELETE /mgmt/shared/authz/tokens/" + TOKEN))
                .isEqualTo("DELETE /mgmt/shared/authz/tokens/****");
        stubLogin(1200);
        wm.stubFor(delete("/mgmt/shared/authz/tokens/" + TOKEN).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get("/mgmt/tm/sys/version").willReturn(okJson("{}")));
        IControlClient c = client();
        c.get("/mgmt/tm/sys/version");
        c.close(); // a failed logout never throws
        c.close();
        wm.verify(1, deleteRequestedFor(urlEqualTo("/mgmt/shared/authz/tokens/" + TOKEN)));
    }
}
