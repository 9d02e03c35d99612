package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.sim.RecordedRequest;
import io.hakit.sim.SettableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class F5SimulatorAuthTest {

    @Test
    void loginAnswersTheTokenBodyOfABigIp() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = new SimHttp(sim.url());
            SimHttp.Resp r = http.login("admin", "admin");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("username").asText()).isEqualTo("admin");
            assertThat(r.json().path("loginProviderName").asText()).isEqualTo("tmos");
            var token = r.json().path("token");
            assertThat(token.path("token").asText()).matches("[A-Z2-7]{26}");
            assertThat(token.path("name").asText()).isEqualTo(token.path("token").asText());
            assertThat(token.path("userName").asText()).isEqualTo("admin");
            assertThat(token.path("timeout").asInt()).isEqualTo(1200);
            assertThat(token.path("kind").asText()).isEqualTo("shared:authz:tokens:authtokenitemstate");
            assertThat(token.path("expirationMicros").asLong() - token.path("lastUpdateMicros").asLong())
                    .isEqualTo(1_200_000_000L);
            assertThat(token.path("selfLink").asText()).endsWith("/mgmt/shared/authz/tokens/" + http.token());
            assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
            assertThat(sim.activeTokens("admin")).isEqualTo(1);
        }
    }

    @Test
    void wrongPasswordIsA401RestErrorResponse() {
        try (F5Simulator sim = F5Simulator.builder().credentials("ops", "s3cret").start()) {
            SimHttp.Resp r = new SimHttp(sim.url()).login("ops", "wrong");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().path("kind").asText()).isEqualTo(":resterrorresponse");
            assertThat(r.message()).isEqualTo("Authentication failed.");
            assertThat(r.json().has("restOperationId")).isTrue();
            assertThat(new SimHttp(sim.url()).login("admin", "admin").status())
                    .as("credentials() replaces the default user").isEqualTo(401);
            assertThat(new SimHttp(sim.url()).login("ops", "s3cret").status()).isEqualTo(200);
        }
    }

    @Test
    void missingAuthenticationIs401WithTheRestjavadMessage() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp.Resp r = new SimHttp(sim.url()).get("/mgmt/tm/ltm/pool");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).startsWith("Authorization failed: no user authentication header or token detected. "
                    + "Uri:http://localhost:8100/mgmt/tm/ltm/pool");
            assertThat(r.json().path("kind").asText()).isEqualTo(":resterrorresponse");
        }
    }

    @Test
    void unknownTokenIsRefused() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp.Resp r = new SimHttp(sim.url()).token("AAAAAAAAAAAAAAAAAAAAAAAAAA").get("/mgmt/tm/ltm/pool");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).isEqualTo("X-F5-Auth-Token does not exist.");
        }
    }

    @Test
    void expireTokensMakesTheNextUseAnswerHasExpired() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            sim.expireTokens();
            SimHttp.Resp r = http.get("/mgmt/tm/ltm/pool");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).isEqualTo("X-F5-Auth-Token has expired.");
            assertThat(sim.activeTokens("admin")).isZero();
            assertThat(http.login("admin", "admin").status()).isEqualTo(200);
            assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
        }
    }

    @Test
    void tokensExpireAfterTheirTimeoutAndExtensionMovesTheExpiry() {
        SettableClock clock = new SettableClock();
        try (F5Simulator sim = F5Simulator.builder().clock(clock).start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            clock.advance(Duration.ofSeconds(1000));
            SimHttp.Resp ext = http.patch("/mgmt/shared/authz/tokens/" + http.token(), "{\"timeout\":3600}");
            assertThat(ext.status()).isEqualTo(200);
            assertThat(ext.json().path("timeout").asInt()).isEqualTo(3600);
            clock.advance(Duration.ofSeconds(1000));
            assertThat(http.get("/mgmt/tm/ltm/pool").status()).as("extended past 1200 s").isEqualTo(200);
            clock.advance(Duration.ofSeconds(2600));
            assertThat(http.get("/mgmt/tm/ltm/pool").message()).isEqualTo("X-F5-Auth-Token has expired.");
        }
    }

    @Test
    void extensionBeyondTheAbsoluteLimitIs406() {
        SettableClock clock = new SettableClock();
        try (F5Simulator sim = F5Simulator.builder().clock(clock).start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            SimHttp.Resp r = http.patch("/mgmt/shared/authz/tokens/" + http.token(), "{\"timeout\":36001}");
            assertThat(r.status()).isEqualTo(406);
            assertThat(r.message()).isEqualTo("Auth-token absolute timeout (36000 seconds) exceeded");
            assertThat(http.patch("/mgmt/shared/authz/tokens/" + http.token(), "{\"timeout\":36000}").status())
                    .isEqualTo(200);
            clock.advance(Duration.ofSeconds(10));
            assertThat(http.patch("/mgmt/shared/authz/tokens/" + http.token(), "{\"timeout\":36000}").status())
                    .as("the limit counts from the token's creation").isEqualTo(406);
        }
    }

    @Test
    void deletedTokenNoLongerWorks() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            SimHttp.Resp del = http.delete("/mgmt/shared/authz/tokens/" + http.token());
            assertThat(del.status()).isEqualTo(200);
            assertThat(sim.activeTokens("admin")).isZero();
            assertThat(http.get("/mgmt/tm/ltm/pool").message()).isEqualTo("X-F5-Auth-Token does not exist.");
        }
    }

    @Test
    void theCapRefusesTheNextLoginWithTheBigIpMessage() {
        try (F5Simulator sim = F5Simulator.builder().tokenCap(3).start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(new SimHttp(sim.url()).login("admin", "admin").status()).isEqualTo(200);
            }
            SimHttp.Resp r = new SimHttp(sim.url()).login("admin", "admin");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("user admin has reached maximum active login tokens");
            assertThat(r.json().path("kind").asText()).isEqualTo(":resterrorresponse");
            assertThat(sim.activeTokens("admin")).isEqualTo(3);
        }
    }

    @Test
    void deletingTokensFreesTheCapAndExpiredOnesDoNotCount() {
        try (F5Simulator sim = F5Simulator.builder().tokenCap(2).start()) {
            SimHttp a = SimHttp.loggedIn(sim);
            SimHttp.loggedIn(sim);
            a.delete("/mgmt/shared/authz/tokens/" + a.token());
            assertThat(new SimHttp(sim.url()).login("admin", "admin").status()).isEqualTo(200);
            sim.expireTokens();
            assertThat(new SimHttp(sim.url()).login("admin", "admin").status()).isEqualTo(200);
            assertThat(new SimHttp(sim.url()).login("admin", "admin").status()).isEqualTo(200);
            assertThat(new SimHttp(sim.url()).login("admin", "admin").status()).isEqualTo(400);
        }
    }

    @Test
    void adminCanBeExemptFromTheCapWhileOtherUsersAreNot() {
        try (F5Simulator sim = F5Simulator.builder().tokenCap(1).exemptAdminFromTokenCap().user("ops", "pw").start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(new SimHttp(sim.url()).login("admin", "admin").status()).isEqualTo(200);
            }
            assertThat(new SimHttp(sim.url()).login("ops", "pw").status()).isEqualTo(200);
            assertThat(new SimHttp(sim.url()).login("ops", "pw").message())
                    .isEqualTo("user ops has reached maximum active login tokens");
        }
    }

    @Test
    void aUserListsOnlyItsOwnLiveTokens() {
        try (F5Simulator sim = F5Simulator.builder().user("ops", "pw").start()) {
            SimHttp admin = SimHttp.loggedIn(sim);
            SimHttp.loggedIn(sim);
            new SimHttp(sim.url()).login("ops", "pw");
            SimHttp.Resp r = admin.get("/mgmt/shared/authz/tokens");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("items")).hasSize(2);
            assertThat(r.json().path("items")).allSatisfy(t -> assertThat(t.path("userName").asText()).isEqualTo("admin"));
        }
    }

    @Test
    void aUserCannotTouchAnotherUsersToken() {
        try (F5Simulator sim = F5Simulator.builder().user("ops", "pw").start()) {
            SimHttp admin = SimHttp.loggedIn(sim);
            SimHttp ops = new SimHttp(sim.url());
            ops.login("ops", "pw");
            SimHttp.Resp r = ops.delete("/mgmt/shared/authz/tokens/" + admin.token());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("Authorization failed");
            assertThat(sim.activeTokens("admin")).isEqualTo(1);
        }
    }

    @Test
    void basicAuthenticationWorksAndAWrongPasswordIs401() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            assertThat(new SimHttp(sim.url()).basic("admin", "admin").get("/mgmt/tm/sys/version").status()).isEqualTo(200);
            SimHttp.Resp r = new SimHttp(sim.url()).basic("admin", "nope").get("/mgmt/tm/sys/version");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.message()).isEqualTo("Authentication failed.");
            assertThat(sim.activeTokens("admin")).isZero();
        }
    }

    @Test
    void recordedRequestsNeverHoldPasswordsOrTokens() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            http.get("/mgmt/tm/ltm/node");
            http.delete("/mgmt/shared/authz/tokens/" + http.token());
            new SimHttp(sim.url()).basic("admin", "admin").get("/mgmt/tm/ltm/node");
            List<RecordedRequest> reqs = sim.requests();
            assertThat(reqs).hasSize(4);
            assertThat(reqs.get(0).body()).contains("\"password\":\"<redacted>\"").doesNotContain("\"admin\",\"login");
            assertThat(reqs.get(0).status()).isEqualTo(200);
            assertThat(reqs.get(1).header("x-f5-auth-token")).isEqualTo("<redacted>");
            assertThat(reqs.get(2).path()).isEqualTo("/mgmt/shared/authz/tokens/<redacted>");
            assertThat(reqs.get(3).header("Authorization")).isEqualTo("<redacted>");
            assertThat(reqs.toString()).doesNotContain(http.token());
            sim.clearRequests();
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> F5Simulator.builder().tokenCap(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tokenCap");
        assertThatThrownBy(() -> F5Simulator.builder().tokenTimeout(Duration.ofSeconds(36001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenTimeout");
        assertThatThrownBy(() -> F5Simulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> F5Simulator.builder().credentials(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
