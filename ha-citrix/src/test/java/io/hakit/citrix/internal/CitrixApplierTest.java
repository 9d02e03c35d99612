package io.hakit.citrix.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact requests of planning and applying the reference deployment on an empty ADC. */
class CitrixApplierTest {

    private static final String DONE = "{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\"}";

    @TempDir
    Path dir;

    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"errorcode\":258,\"message\":\"No such resource\",\"severity\":\"ERROR\"}")));
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/login")).willReturn(json(201,
                "{\"errorcode\":0,\"message\":\"Done\",\"sessionid\":\"##T\"}")));
        wm.stubFor(get(urlPathEqualTo("/nitro/v1/config/hanode")).willReturn(json(200,
                "{\"errorcode\":0,\"message\":\"Done\",\"hanode\":[{\"id\":\"0\",\"state\":\"Primary\"},"
                        + "{\"id\":\"1\",\"state\":\"Secondary\"}]}")));
        for (String t : List.of("server", "lbmonitor", "servicegroup", "sslservicegroup", "sslcertkey", "lbvserver",
                "servicegroup_binding", "sslservicegroup_binding", "lbvserver_binding", "sslvserver_binding")) {
            wm.stubFor(get(urlPathEqualTo("/nitro/v1/config/" + t)).willReturn(json(200, DONE)));
        }
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/systemfile")).willReturn(json(201, DONE)));
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/macroapi")).willReturn(json(201, DONE)));
        wm.stubFor(put(urlEqualTo("/nitro/v1/config/sslservicegroup")).willReturn(json(200, DONE)));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void readsOncePerTypeThenWritesFilesMacroapiAndUpdates() throws Exception {
        io.hakit.model.Deployment d = Fixtures.reference();
        try (CitrixAdapter adc = CitrixAdapter.builder().url(URI.create("http://127.0.0.1:" + wm.port()))
                .credentials("nsroot", "pw").lbKey(Fixtures.lbKey(dir)).build()) {
            Plan plan = adc.plan(d);
            ApplyResult r = adc.apply(d, plan, ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(r.requests()).isEqualTo(plan.requests()).isEqualTo(4); // hanode + 3 writes, no save
        }
        List<String> lines = new ArrayList<>();
        List<LoggedRequest> newestFirst = wm.getAllServeEvents().stream().map(e -> e.getRequest())
                .collect(Collectors.toList());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            lines.add(newestFirst.get(i).getMethod() + " " + newestFirst.get(i).getUrl());
        }
        assertThat(lines).containsExactly(
                "POST /nitro/v1/config/login",
                "GET /nitro/v1/config/server",
                "GET /nitro/v1/config/lbmonitor",
                "GET /nitro/v1/config/servicegroup",
                "GET /nitro/v1/config/sslservicegroup",
                "GET /nitro/v1/config/sslcertkey",
                "GET /nitro/v1/config/lbvserver",
                "GET /nitro/v1/config/servicegroup_binding?bulkbindings=yes",
                "GET /nitro/v1/config/sslservicegroup_binding?bulkbindings=yes",
                "GET /nitro/v1/config/lbvserver_binding?bulkbindings=yes",
                "GET /nitro/v1/config/sslvserver_binding?bulkbindings=yes",
                "GET /nitro/v1/config/systemfile?args=filelocation:%2Fnsconfig%2Fssl%2F",
                "GET /nitro/v1/config/hanode",
                "POST /nitro/v1/config/systemfile",
                "POST /nitro/v1/config/macroapi",
                "PUT /nitro/v1/config/sslservicegroup",
                "POST /nitro/v1/config/logout");
        wm.verify(postRequestedFor(urlEqualTo("/nitro/v1/config/macroapi"))
                .withHeader("X-NITRO-ONERROR", equalTo("rollback")));
        wm.verify(postRequestedFor(urlEqualTo("/nitro/v1/config/systemfile"))
                .withHeader("X-NITRO-ONERROR", equalTo("rollback")));
        wm.verify(putRequestedFor(urlEqualTo("/nitro/v1/config/sslservicegroup"))
                .withHeader("X-NITRO-ONERROR", equalTo("continue")));
        JsonNode macro = new ObjectMapper().readTree(wm.findAll(postRequestedFor(urlEqualTo(
                "/nitro/v1/config/macroapi"))).get(0).getBodyAsString());
        List<String> types = new ArrayList<>();
        macro.fieldNames().forEachRemaining(types::add);
        assertThat(types).containsExactly("server", "lbmonitor", "servicegroup",
                "servicegroup_servicegroupmember_binding", "servicegroup_lbmonitor_binding", "sslcertkey",
                "sslservicegroup_sslcertkey_binding", "lbvserver", "lbvserver_servicegroup_binding",
                "sslvserver_sslcertkey_binding");
        List<String> vservers = new ArrayList<>();
        macro.get("lbvserver").forEach(v -> vservers.add(v.get("name").asText()));
        assertThat(vservers.indexOf("hakit-vs-hl7-2244-standby1")).isLessThan(vservers.indexOf("hakit-vs-hl7-2244"));
        JsonNode files = new ObjectMapper().readTree(wm.findAll(postRequestedFor(urlEqualTo(
                "/nitro/v1/config/systemfile"))).get(0).getBodyAsString()).get("systemfile");
        assertThat(files).hasSize(3);
        files.forEach(f -> assertThat(f.get("filelocation").asText()).isEqualTo("/nsconfig/ssl/"));
    }
}
