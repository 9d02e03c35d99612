package io.hakit.citrix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.hakit.model.AuthenticationException;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.NotFoundException;
import io.hakit.model.TransportException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NitroClientTest {

    private static final String DONE = "{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\"}";
    private static final String PASSWORD = "s3cret-Pa55";

    private WireMockServer wm;
    private NitroClient nitro;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/login")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Set-Cookie", "NITRO_AUTH_TOKEN=##TOKEN1; path=/nitro/v1")
                .withBody("{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\",\"sessionid\":\"##TOKEN1\"}")));
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/logout")).willReturn(json(200, DONE)));
        nitro = client(Duration.ofSeconds(5));
    }

    private NitroClient client(Duration responseTimeout) {
        return NitroClient.builder().url(URI.create("http://127.0.0.1:" + wm.port())).credentials("nsroot", PASSWORD)
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(responseTimeout)
                .saveRetries(3, Duration.ofMillis(5)).build();
    }

    @AfterEach
    void stop() {
        nitro.close();
        wm.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void logsInOnceSendsTheTokenAsACookieAndLogsOut() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/lbvserver")).willReturn(json(200,
                "{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\",\"lbvserver\":[{\"name\":\"vs1\","
                        + "\"port\":7002,\"timeout\":\"10\"},{\"name\":\"vs2\",\"port\":\"443\"}]}")));
        List<NitroObject> all = nitro.list("lbvserver");
        nitro.list("lbvserver");
        nitro.logout();
        assertThat(all).extracting(NitroObject::name).containsExactly("vs1", "vs2");
        assertThat(all.get(0).string("timeout")).contains("10");
        wm.verify(1, postRequestedFor(urlEqualTo("/nitro/v1/config/login"))
                .withRequestBody(equalToJson("{\"login\":{\"username\":\"nsroot\",\"password\":\"" + PASSWORD
                        + "\",\"timeout\":1800}}"))
                .withHeader("Cookie", absent()));
        wm.verify(2, getRequestedFor(urlEqualTo("/nitro/v1/config/lbvserver"))
                .withHeader("Cookie", equalTo("NITRO_AUTH_TOKEN=##TOKEN1")));
        wm.verify(1, postRequestedFor(urlEqualTo("/nitro/v1/config/logout"))
                .withRequestBody(equalToJson("{\"logout\":{}}")).withHeader("Cookie",
                        equalTo("NITRO_AUTH_TOKEN=##TOKEN1")));
        assertThat(nitro.requestCount()).isEqualTo(4);
        assertThat(nitro.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void anExpiredSessionIsRenewedOnceWithoutTheStaleCookieAndTheRequestRepeated() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(401, "{\"errorcode\":444,\"message\":\"Session expired or killed. Please login"
                        + " again\",\"severity\":\"ERROR\"}")).willSetStateTo("expired"));
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).inScenario("expiry").whenScenarioStateIs("expired")
                .willReturn(json(200, "{\"errorcode\":0,\"message\":\"Done\",\"server\":{\"name\":\"a\"}}")));
        assertThat(nitro.list("server")).extracting(NitroObject::name).containsExactly("a");
        wm.verify(2, postRequestedFor(urlEqualTo("/nitro/v1/config/login")).withHeader("Cookie", absent()));
        wm.verify(2, getRequestedFor(urlEqualTo("/nitro/v1/config/server")));
    }

    @Test
    void aSessionThatStaysExpiredFailsAfterOneRetry() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).willReturn(json(401,
                "{\"errorcode\":1027,\"message\":\"Not logged in or connection timed out\",\"severity\":\"ERROR\"}")));
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> nitro.list("server"));
        assertThat(e.vendorCode()).isEqualTo("1027");
        wm.verify(2, getRequestedFor(urlEqualTo("/nitro/v1/config/server")));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorThatNeverShowsThePassword() {
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/login")).willReturn(json(401,
                "{\"errorcode\":354,\"message\":\"Invalid username or password\",\"severity\":\"ERROR\"}")));
        AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> nitro.list("server"));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.vendorCode()).isEqualTo("354");
        assertThat(e.getMessage()).contains("Invalid username or password").doesNotContain(PASSWORD);
    }

    @Test
    void sessionlessModeSendsTheCredentialHeadersAndNeverLogsIn() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).willReturn(json(200, DONE)));
        try (NitroClient c = NitroClient.builder().url(URI.create("http://127.0.0.1:" + wm.port()))
                .credentials("nsroot", PASSWORD).sessionless(true).build()) {
            assertThat(c.list("server")).isEmpty();
        }
        wm.verify(getRequestedFor(urlEqualTo("/nitro/v1/config/server")).withHeader("X-NITRO-USER", equalTo("nsroot"))
                .withHeader("X-NITRO-PASS", equalTo(PASSWORD)).withHeader("Cookie", absent()));
        wm.verify(0, postRequestedFor(urlEqualTo("/nitro/v1/config/login")));
    }

    @Test
    void errorsAreTypedWithStatusErrorcodeResourceAndRequest() {
        wm.stubFor(put(urlEqualTo("/nitro/v1/config/lbvserver")).willReturn(json(404,
                "{\"errorcode\":258,\"message\":\"No such resource [name, vs9]\",\"severity\":\"ERROR\"}")));
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/server")).willReturn(json(409,
                "{\"errorcode\":273,\"message\":\"Resource already exists\",\"severity\":\"ERROR\"}")));
        wm.stubFor(delete(urlPathEqualTo("/nitro/v1/config/lbmonitor/mon1")).willReturn(json(599,
                "{\"errorcode\":1070,\"message\":\"Object in use, cannot delete\",\"severity\":\"ERROR\"}")));
        NotFoundException nf = catchThrowableOfType(NotFoundException.class, () -> nitro.on(NitroResource.LBVSERVER)
                .update(v -> v.attribute("name", "vs9").attribute("timeout", 10)));
        assertThat(nf.vendorCode()).isEqualTo("258");
        assertThat(nf.resource()).isEqualTo("lbvserver/vs9");
        assertThat(nf.request()).isEqualTo("PUT /nitro/v1/config/lbvserver");
        assertThatThrownBy(() -> nitro.on(NitroResource.SERVER).add(s -> s.attribute("name", "a")
                .attribute("domain", "a.hospital.org"))).isInstanceOf(ConflictException.class)
                .hasMessageContaining("273");
        DeviceException d = catchThrowableOfType(DeviceException.class, () -> nitro.on(NitroResource.LBMONITOR)
                .delete("mon1", Map.of("type", "HTTP-ECV")));
        assertThat(d.status()).isEqualTo(599);
        assertThat(d.vendorCode()).isEqualTo("1070");
        wm.verify(deleteRequestedFor(urlEqualTo("/nitro/v1/config/lbmonitor/mon1?args=type:HTTP-ECV")));
    }

    @Test
    void anAttributeNitroDoesNotTakeIsRefusedBeforeSending() {
        assertThatThrownBy(() -> nitro.on(NitroResource.LBVSERVER).add(v -> v.attribute("name", "x")
                .attribute("sslcertkey", "ck"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sslcertkey").hasMessageContaining("278");
        assertThatThrownBy(() -> nitro.on(NitroResource.LBVSERVER).update(v -> v.attribute("name", "x")
                .attribute("port", 443))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be updated");
        assertThat(nitro.requestCount()).isZero();
    }

    @Test
    void bulkAnswersAreReadItemByItem() {
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/macroapi")).willReturn(json(207,
                "{\"errorcode\":1243,\"message\":\"Bulk operation failed\",\"severity\":\"ERROR\",\"response\":["
                        + "{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\"},"
                        + "{\"errorcode\":273,\"message\":\"Resource already exists\",\"severity\":\"ERROR\"}]}")));
        BulkResult r = nitro.macro(List.of(
                NitroObject.builder(NitroResource.SERVER).attribute("name", "a").attribute("domain", "a.h.org").build(),
                NitroObject.builder(NitroResource.SERVICEGROUP).attribute("servicegroupname", "g")
                        .attribute("servicetype", "SSL").build()), BulkResult.OnError.ROLLBACK);
        assertThat(r.ok()).isFalse();
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.items()).extracting(NitroError::errorcode).containsExactly(0, 273);
        assertThat(r.firstError().message()).isEqualTo("Resource already exists");
        wm.verify(postRequestedFor(urlEqualTo("/nitro/v1/config/macroapi"))
                .withHeader("X-NITRO-ONERROR", equalTo("rollback"))
                .withRequestBody(equalToJson("{\"server\":[{\"name\":\"a\",\"domain\":\"a.h.org\"}],"
                        + "\"servicegroup\":[{\"servicegroupname\":\"g\",\"servicetype\":\"SSL\"}]}")));
    }

    @Test
    void saveIsRetriedWhileTheAdcIsBusy() {
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/nsconfig?action=save")).inScenario("busy")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(json(599,
                        "{\"errorcode\":293,\"message\":\"Operation already in progress\",\"severity\":\"ERROR\"}"))
                .willSetStateTo("free"));
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/nsconfig?action=save")).inScenario("busy")
                .whenScenarioStateIs("free").willReturn(json(200, DONE)));
        nitro.saveConfig();
        wm.verify(2, postRequestedFor(urlEqualTo("/nitro/v1/config/nsconfig?action=save"))
                .withRequestBody(equalToJson("{\"nsconfig\":{}}")));
        assertThat(nitro.writeCount()).isZero();
    }

    @Test
    void aSaveStillBusyAfterTheRetriesFailsWith293() {
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/nsconfig?action=save")).willReturn(json(599,
                "{\"errorcode\":293,\"message\":\"Operation already in progress\",\"severity\":\"ERROR\"}")));
        DeviceException e = catchThrowableOfType(DeviceException.class, () -> nitro.saveConfig());
        assertThat(e.vendorCode()).isEqualTo("293");
        wm.verify(4, postRequestedFor(urlEqualTo("/nitro/v1/config/nsconfig?action=save")));
    }

    @Test
    void anEndpointAnsweringHtmlIsNotTakenForNitro() {
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/login")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome</body></html>")));
        assertThatThrownBy(() -> nitro.list("server")).isInstanceOf(TransportException.class)
                .hasMessageContaining("not NITRO JSON").hasMessageContaining("text/html");
    }

    @Test
    void aSlowAdcFailsWithTheResponseTimeOutNamed() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).willReturn(json(200, DONE).withFixedDelay(2000)));
        try (NitroClient slow = client(Duration.ofMillis(300))) {
            assertThatThrownBy(() -> slow.list("server")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("response time-out").hasMessageContaining("300 ms");
        }
    }

    @Test
    void anUnreachableAdcSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (NitroClient c = NitroClient.builder().url(URI.create("http://127.0.0.1:" + port))
                .credentials("nsroot", PASSWORD).connectTimeout(Duration.ofSeconds(1)).build()) {
            assertThatThrownBy(() -> c.list("server")).isInstanceOf(TransportException.class)
                    .hasMessageContaining("127.0.0.1:" + port).hasMessageNotContaining(PASSWORD);
        }
    }

    @Test
    void unavailableAnswersAreRetriedTwice() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/server")).inScenario("503").whenScenarioStateIs("up")
                .willReturn(json(200, DONE)));
        assertThat(nitro.list("server")).isEmpty();
        wm.verify(2, getRequestedFor(urlEqualTo("/nitro/v1/config/server")));
    }

    @Test
    void theHaRoleIsReadFromHanode() {
        wm.stubFor(get(urlEqualTo("/nitro/v1/config/hanode")).willReturn(json(200,
                "{\"errorcode\":0,\"message\":\"Done\",\"hanode\":[{\"id\":\"0\",\"state\":\"Secondary\"},"
                        + "{\"id\":\"1\",\"state\":\"Primary\"}]}")));
        assertThat(nitro.haRole()).isEqualTo(HaRole.SECONDARY);
        DeviceException e = catchThrowableOfType(DeviceException.class, () -> nitro.requirePrimary());
        assertThat(e.vendorCode()).isEqualTo("1028");
        assertThat(e.getMessage()).contains("SECONDARY").contains("nothing was written");
    }

    @Test
    void unbindSendsOnlyTheDeleteArguments() {
        wm.stubFor(delete(urlPathEqualTo("/nitro/v1/config/servicegroup_servicegroupmember_binding/sg1"))
                .willReturn(json(200, DONE)));
        nitro.unbind(NitroObject.fromDevice("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg1",
                "servername", "app1.hospital.org", "ip", "10.0.0.1", "port", "7001", "weight", "1")));
        wm.verify(deleteRequestedFor(urlEqualTo("/nitro/v1/config/servicegroup_servicegroupmember_binding/sg1"
                + "?args=port:7001,servername:app1.hospital.org")));
    }
}
