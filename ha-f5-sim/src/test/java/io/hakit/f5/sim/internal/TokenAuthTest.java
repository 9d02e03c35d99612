package io.hakit.f5.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TokenAuthTest {
    private final SettableClock clock = new SettableClock();
    private final OperationIds ids = new OperationIds();
    private final TokenAuth auth = new TokenAuth(new Device.Settings(Map.of("admin", "secret", "ops", "ops-pw"),
            Duration.ofSeconds(1200), 2, false, null, clock, Duration.ofSeconds(120), Duration.ZERO),
            new DeviceClock(clock), ids);

    private static SimRequest request(String method, String path, String json, Map<String, String> headers) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        return new SimRequest(method, path, path, "", Map.of(), h, body, "10.1.1.1");
    }

    private static SimRequest withToken(String token) {
        return request("GET", "/mgmt/tm/ltm/pool", null, Map.of("X-F5-Auth-Token", token));
    }

    private String login(String user, String password) {
        SimResponse r = auth.login(request("POST", "/mgmt/shared/authn/login",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", Map.of()));
        assertThat(r.status()).isEqualTo(200);
        return F5SimJson.parse(r.body()).path("token").path("token").asText();
    }

    private SimulatedF5Error refused(SimRequest r) {
        SimulatedF5Error e = catchThrowableOfType(() -> auth.authenticate(r), SimulatedF5Error.class);
        assertThat(e).as("refused").isNotNull();
        return e;
    }

    @Test
    void anExpiredTokenIsRefusedWith401AndThenForgotten() {
        String token = login("admin", "secret");
        assertThat(auth.authenticate(withToken(token))).isEqualTo("admin");
        clock.advance(Duration.ofSeconds(1200));
        SimulatedF5Error e = refused(withToken(token));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).isEqualTo("X-F5-Auth-Token has expired.");
        assertThat(e.body().path("kind").asText()).isEqualTo(":resterrorresponse");
        assertThat(e.body().path("referer").asText()).isEqualTo("10.1.1.1");
        assertThat(refused(withToken(token)).getMessage()).isEqualTo("X-F5-Auth-Token does not exist.");
    }

    @Test
    void acceptsChangesNothingAndUsesNoOperationId() {
        String token = login("admin", "secret");
        clock.advance(Duration.ofSeconds(1200));
        assertThat(auth.accepts(withToken(token))).isFalse();
        assertThat(auth.accepts(request("POST", "/mgmt/tm/ltm/pool", "{}", Map.of("Authorization", "Basic !!")))).isFalse();
        SimulatedF5Error e = refused(withToken(token));
        assertThat(e.getMessage()).as("accepts did not forget the expired token").isEqualTo("X-F5-Auth-Token has expired.");
        assertThat(e.body().path("restOperationId").asLong()).as("accepts numbered no error").isEqualTo(100_700_001L);
    }

    @Test
    void basicCredentialsAuthenticateWhenTheyMatch() {
        String good = "Basic " + Base64.getEncoder().encodeToString("ops:ops-pw".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("ops:wrong".getBytes(StandardCharsets.UTF_8));
        assertThat(auth.accepts(request("GET", "/mgmt/tm/sys", null, Map.of("Authorization", good)))).isTrue();
        assertThat(auth.authenticate(request("GET", "/mgmt/tm/sys", null, Map.of("Authorization", good)))).isEqualTo("ops");
        assertThat(auth.accepts(request("GET", "/mgmt/tm/sys", null, Map.of("Authorization", bad)))).isFalse();
        assertThat(refused(request("GET", "/mgmt/tm/sys", null, Map.of("Authorization", bad))).getMessage())
                .isEqualTo("Authentication failed.");
        assertThat(refused(request("GET", "/mgmt/tm/sys", null, Map.of())).getMessage())
                .startsWith("Authorization failed: no user authentication header or token detected.");
    }

    @Test
    void anExtensionPastTheAbsoluteMaximumIsRefusedWith406() {
        String token = login("admin", "secret");
        clock.advance(Duration.ofSeconds(600));
        SimRequest extend = request("PATCH", "/mgmt/shared/authz/tokens/" + token, "{\"timeout\":36000}", Map.of());
        SimulatedF5Error e = catchThrowableOfType(() -> auth.operate(extend, "admin", token), SimulatedF5Error.class);
        assertThat(e.status()).isEqualTo(406);
        assertThat(e.getMessage()).isEqualTo("Auth-token absolute timeout (36000 seconds) exceeded");
        SimRequest ok = request("PATCH", "/mgmt/shared/authz/tokens/" + token, "{\"timeout\":3600}", Map.of());
        JsonNode body = F5SimJson.parse(auth.operate(ok, "admin", token).body());
        assertThat(body.path("timeout").asLong()).isEqualTo(3600);
        clock.advance(Duration.ofSeconds(3000));
        assertThat(auth.authenticate(withToken(token))).as("the extension holds past the first lifetime").isEqualTo("admin");
    }

    @Test
    void aDeletedTokenNoLongerAuthenticatesAndAnotherUsersTokenCannotBeTouched() {
        String token = login("admin", "secret");
        SimRequest del = request("DELETE", "/mgmt/shared/authz/tokens/" + token, null, Map.of());
        SimulatedF5Error other = catchThrowableOfType(() -> auth.operate(del, "ops", token), SimulatedF5Error.class);
        assertThat(other.status()).isEqualTo(400);
        assertThat(auth.operate(del, "admin", token).status()).isEqualTo(200);
        assertThat(refused(withToken(token)).getMessage()).isEqualTo("X-F5-Auth-Token does not exist.");
        assertThat(auth.activeTokens("admin")).isZero();
    }

    @Test
    void loginStopsAtTheTokenCapUntilATokenExpires() {
        login("ops", "ops-pw");
        login("ops", "ops-pw");
        SimRequest third = request("POST", "/mgmt/shared/authn/login", "{\"username\":\"ops\",\"password\":\"ops-pw\"}", Map.of());
        SimulatedF5Error e = catchThrowableOfType(() -> auth.login(third), SimulatedF5Error.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("user ops has reached maximum active login tokens");
        auth.expireTokens();
        assertThat(auth.activeTokens("ops")).isZero();
        assertThat(auth.login(third).status()).isEqualTo(200);
    }
}
