package io.hakit.citrix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.hakit.model.NotFoundException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code find} answers empty, {@code get} throws: the same names as F5's {@code F5Collection}. */
class ResourceClientTest {

    private static final String NO_SUCH = "{\"errorcode\":258,\"message\":\"No such resource [name, vs9]\","
            + "\"severity\":\"ERROR\"}";

    private WireMockServer wm;
    private NitroClient nitro;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/login")).willReturn(json(201,
                "{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\",\"sessionid\":\"##T\"}")));
        wm.stubFor(post(urlEqualTo("/nitro/v1/config/logout")).willReturn(json(200, "{\"errorcode\":0}")));
        wm.stubFor(get(urlPathEqualTo("/nitro/v1/config/lbvserver/vs1")).willReturn(json(200,
                "{\"errorcode\":0,\"message\":\"Done\",\"lbvserver\":[{\"name\":\"vs1\",\"servicetype\":\"SSL\"}]}")));
        wm.stubFor(get(urlPathEqualTo("/nitro/v1/config/lbvserver/vs9")).willReturn(json(404, NO_SUCH)));
        nitro = NitroClient.builder().url(URI.create("http://127.0.0.1:" + wm.port())).credentials("nsroot", "pw")
                .build();
    }

    @AfterEach
    void stop() {
        nitro.close();
        wm.stop();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void findAnswersEmptyForAMissingObject() {
        assertThat(nitro.on(NitroResource.LBVSERVER).find("vs1")).map(NitroObject::name).contains("vs1");
        assertThat(nitro.on(NitroResource.LBVSERVER).find("vs9")).isEmpty();
    }

    @Test
    void getThrowsNotFoundForAMissingObjectAfterOneRequest() {
        assertThat(nitro.on(NitroResource.LBVSERVER).get("vs1").string("servicetype")).contains("SSL");
        NotFoundException e = catchThrowableOfType(NotFoundException.class,
                () -> nitro.on(NitroResource.LBVSERVER).get("vs9"));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.vendorCode()).isEqualTo("258");
        assertThat(e.resource()).isEqualTo("lbvserver/vs9");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/nitro/v1/config/lbvserver/vs9")));
    }
}
