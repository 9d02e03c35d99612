package io.hakit.citrix.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CitrixSimulatorSessionTest {
    private CitrixSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void loginAnswers201WithTheTokenAsCookieAndInTheBody() {
        sim = CitrixSimulator.builder().start();
        Nitro.Resp r = new Nitro(sim.url()).post("login", "{\"login\":{\"username\":\"admin\",\"password\":\"admin\"}}");

        assertThat(r.status()).isEqualTo(201);
        String token = r.body().path("sessionid").asText();
        assertThat(token).startsWith("##");
        assertThat(r.header("Set-Cookie")).hasValue("NITRO_AUTH_TOKEN=" + token + "; path=/nitro/v1");
        assertThat(r.body().path("errorcode").asInt()).isZero();
        assertThat(new Nitro(sim.url()).token(token).get("lbvserver").status()).isEqualTo(200);
        assertThat(sim.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void wrongPasswordIs401With354() {
        sim = CitrixSimulator.builder().credentials("nsroot", "s3cret").start();
        Nitro.Resp r = new Nitro(sim.url()).post("login", "{\"login\":{\"username\":\"nsroot\",\"password\":\"admin\"}}");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body().toString())
                .isEqualTo("{\"errorcode\":354,\"message\":\"Invalid username or password\",\"severity\":\"ERROR\"}");
        assertThat(new Nitro(sim.url()).login("nsroot", "s3cret").get("server").status()).isEqualTo(200);
    }

    @Test
    void noCredentialsIs401With1027() {
        sim = CitrixSimulator.builder().start();
        Nitro.Resp r = new Nitro(sim.url()).get("lbvserver");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorcode()).isEqualTo(1027);
        assertThat(r.message()).isEqualTo("Not logged in or connection timed out");
    }

    @Test
    void perRequestHeaderAuthenticationWorksWithoutASession() {
        sim = CitrixSimulator.builder().start();
        Nitro ok = new Nitro(sim.url()).header("X-NITRO-USER", "admin").header("X-NITRO-PASS", "admin");
        assertThat(ok.add("server", java.util.Map.of("name", "a", "ipaddress", "10.0.0.1")).status()).isEqualTo(201);

        Nitro bad = new Nitro(sim.url()).header("X-NITRO-USER", "admin").header("X-NITRO-PASS", "nope");
        Nitro.Resp r = bad.get("server");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorcode()).isEqualTo(354);
    }

    @Test
    void logoutEndsTheSession() {
        sim = CitrixSimulator.builder().start();
        Nitro n = new Nitro(sim.url()).login();
        Nitro.Resp out = n.post("logout", "{\"logout\":{}}");
        assertThat(out.status()).isEqualTo(200);

        Nitro.Resp r = n.get("server");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorcode()).isEqualTo(444);
        assertThat(r.message()).isEqualTo("Session expired or killed. Please login again");
    }

    @Test
    void expireSessionsMakesTheNextCall401With444() {
        sim = CitrixSimulator.builder().start();
        Nitro n = new Nitro(sim.url()).login();
        assertThat(n.get("server").status()).isEqualTo(200);

        sim.expireSessions();

        assertThat(n.get("server").errorcode()).isEqualTo(444);
        assertThat(n.get("server").status()).isEqualTo(401);
        assertThat(new Nitro(sim.url()).login().get("server").status()).isEqualTo(200);
    }

    @Test
    void aLoginCarryingTheStaleCookieIsRefusedButACookieFreeLoginWorks() {
        sim = CitrixSimulator.builder().start();
        Nitro n = new Nitro(sim.url()).login();
        sim.expireSessions();

        Nitro.Resp stale = n.post("login", "{\"login\":{\"username\":\"admin\",\"password\":\"admin\"}}");
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.errorcode()).isEqualTo(444);

        n.token(null).login();
        assertThat(n.get("server").status()).isEqualTo(200);
    }

    @Test
    void anIdleSessionExpiresAfterTheSessionTimeout() throws InterruptedException {
        sim = CitrixSimulator.builder().sessionTimeout(Duration.ofMillis(50)).start();
        Nitro n = new Nitro(sim.url()).login();
        Thread.sleep(200);

        assertThat(n.get("server").errorcode()).isEqualTo(444);
    }

    @Test
    void theLoginTimeoutMayLowerTheSessionTimeout() throws InterruptedException {
        sim = CitrixSimulator.builder().start();
        Nitro n = new Nitro(sim.url());
        Nitro.Resp r = n.post("login", "{\"login\":{\"username\":\"admin\",\"password\":\"admin\",\"timeout\":1}}");
        n.token(r.body().path("sessionid").asText());
        Thread.sleep(1300);

        assertThat(n.get("server").errorcode()).isEqualTo(444);
    }

    @Test
    void aBadLoginBodyIsRefused() {
        sim = CitrixSimulator.builder().start();
        Nitro n = new Nitro(sim.url());

        assertThat(n.post("login", "{\"login\":{\"username\":\"admin\"}}").errorcode()).isEqualTo(1095);
        assertThat(n.post("login", "{\"login\":{\"username\":\"admin\",\"password\":\"admin\",\"x\":1}}").errorcode())
                .isEqualTo(278);
        assertThat(n.post("login", "{\"login\":{\"username\":\"admin\",\"password\":\"admin\",\"timeout\":-5}}")
                .errorcode()).isEqualTo(1097);
    }

    @Test
    void aPathOutsideNitroAnswersHtml404() {
        sim = CitrixSimulator.builder().start();
        Nitro.Resp r = new Nitro(sim.url()).send("GET", "../../../index.html", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).hasValue("text/html");
    }

    @Test
    void theTokenSentInASetCookieRequestHeaderAsTheGoClientDoesIsAccepted() {
        sim = CitrixSimulator.builder().start();
        String token = new Nitro(sim.url()).login().token();
        Nitro.Resp r = new Nitro(sim.url()).header("Set-Cookie", "NITRO_AUTH_TOKEN=" + token).get("server");
        assertThat(r.status()).isEqualTo(200);
    }
}
