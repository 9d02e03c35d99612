package io.hakit.f5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hakit.f5.functional.SimFixtures;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.rest.testing.CapturingLogs;
import io.hakit.rest.testing.WireTap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: with every logger at TRACE (the capturing SLF4J provider, run in its own surefire execution),
 * login, plan, apply with the LB key (uploaded as PEM), token extension ({@code PATCH
 * /mgmt/shared/authz/tokens/<token>}), a token renewed after expiry and logout ({@code DELETE
 * /mgmt/shared/authz/tokens/<token>}) on an iControl simulator hand no password, token or private key to any
 * logger, HttpClient's own included. The secrets are taken from the wire (a relay in front of the simulator).
 */
class F5RedactionTest {

    private static final String PASSWORD = "B1gip-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void noPasswordTokenOrKeyReachesAnyLoggerAtAnyLevel() throws Exception {
        // runs in the surefire execution "redaction", which binds SLF4J to the capturing provider in its own JVM;
        // skipped in the module's other test JVM, where SLF4J is bound to slf4j-simple
        assumeTrue(Boolean.getBoolean("hakit.redaction"), "runs in the redaction execution");
        assertThat(CapturingLogs.active()).as("-Dslf4j.provider=io.hakit.rest.testing.CapturingLogs").isTrue();
        Deployment reference = SimFixtures.reference(dir);
        Path key = SimFixtures.lbKey(dir);
        // tokens live 30 s, less than the client's 60 s margin: every request extends the token first
        try (F5Simulator sim = F5Simulator.builder().credentials("admin", PASSWORD).tokenTimeout(Duration.ofSeconds(30))
                .start(); WireTap tap = new WireTap(sim.url())) {
            CapturingLogs.clear();
            try (F5Adapter f5 = F5Adapter.builder().url(tap.url()).credentials("admin", PASSWORD.toCharArray())
                    .retry(io.hakit.model.Retry.none()).lbKey(key).build()) {
                ApplyResult r = f5.apply(reference, f5.plan(reference), ApplyListener.NONE);
                assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
                sim.expireTokens();
                assertThat(f5.plan(reference).isEmpty()).isTrue(); // logs in again after a 401
            }
            List<String> logs = CapturingLogs.lines();
            String all = String.join("\n", logs);
            Set<String> tokens = tap.find("\"token\"\\s*:\\s*\"([^\"]+)\"");
            tokens.addAll(tap.find("X-F5-Auth-Token: ([^\\r\\n]+)"));
            List<String> keyParts = new ArrayList<>();
            for (String line : Files.readString(key).split("\n")) {
                if (!line.startsWith("-----") && line.length() >= 16) {
                    keyParts.add(line.trim());
                }
            }
            String traffic = tap.traffic();
            // the secrets did cross the wire, and loggers were listening (HttpClient's exec chain among them)
            assertThat(traffic).contains("\"password\":\"" + PASSWORD + "\"").contains("PATCH /mgmt/shared/authz/tokens/")
                    .contains("DELETE /mgmt/shared/authz/tokens/");
            assertThat(tokens).hasSizeGreaterThanOrEqualTo(2);
            assertThat(keyParts).isNotEmpty().allMatch(traffic::contains);
            assertThat(logs).anyMatch(l -> l.contains("org.apache.hc.client5") && l.contains("/mgmt/shared/authz/tokens/***"));
            // and none of them reached a log line
            assertThat(all).doesNotContain(PASSWORD);
            for (String t : tokens) {
                assertThat(all).doesNotContain(t);
            }
            for (String p : keyParts) {
                assertThat(all).doesNotContain(p);
            }
        }
    }
}
