package io.hakit.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.rest.testing.CapturingLogs;
import io.hakit.rest.testing.WireTap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: with every logger at TRACE (the capturing SLF4J provider, run in its own surefire execution),
 * login, plan, apply with the LB key, a session renewed after expiry and logout on a NITRO simulator hand no
 * password, session cookie or private key to any logger, HttpClient's own included. The secrets are taken
 * from the wire (a relay in front of the simulator), so the test checks the values really sent.
 */
class CitrixRedactionTest {

    private static final String PASSWORD = "Nsr00t-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path dir;

    @Test
    void noPasswordCookieOrKeyReachesAnyLoggerAtAnyLevel() throws Exception {
        // runs in the surefire execution "redaction", which binds SLF4J to the capturing provider in its own JVM;
        // skipped in the module's other test JVM, where SLF4J is bound to slf4j-simple
        assumeTrue(Boolean.getBoolean("hakit.redaction"), "runs in the redaction execution");
        assertThat(CapturingLogs.active()).as("-Dslf4j.provider=io.hakit.rest.testing.CapturingLogs").isTrue();
        Deployment reference = Fixtures.reference();
        Path key = Fixtures.lbKey(dir);
        try (CitrixSimulator sim = CitrixSimulator.builder().credentials("nsroot", PASSWORD).start();
                WireTap tap = new WireTap(sim.url())) {
            CapturingLogs.clear();
            try (CitrixAdapter adc = CitrixAdapter.builder().url(tap.url()).credentials("nsroot", PASSWORD.toCharArray())
                    .lbKey(key).build()) {
                ApplyResult r = adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
                assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
                sim.expireSessions();
                assertThat(adc.plan(reference).isEmpty()).isTrue(); // logs in again after a 444
            }
            List<String> logs = CapturingLogs.lines();
            String all = String.join("\n", logs);
            Set<String> cookies = tap.find("NITRO_AUTH_TOKEN=([^;\\s\"]+)");
            List<String> keyParts = keyParts(Files.readString(key));
            // the secrets did cross the wire, and loggers were listening (HttpClient's exec chain among them)
            assertThat(tap.traffic()).contains("\"password\":\"" + PASSWORD + "\"").contains("POST /nitro/v1/config/logout");
            assertThat(cookies).hasSizeGreaterThanOrEqualTo(2);
            assertThat(keyParts).anyMatch(p -> tap.traffic().contains(p));
            assertThat(logs).anyMatch(l -> l.contains("org.apache.hc.client5") && l.contains("/nitro/v1/config/login"));
            // and none of them reached a log line
            assertThat(all).doesNotContain(PASSWORD);
            for (String c : cookies) {
                assertThat(all).doesNotContain(c);
            }
            for (String p : keyParts) {
                assertThat(all).doesNotContain(p);
            }
        }
    }

    /** The key's PEM lines and stretches of its base64 form (NITRO uploads files base64-encoded). */
    static List<String> keyParts(String pem) {
        List<String> parts = new ArrayList<>();
        for (String line : pem.split("\n")) {
            if (!line.startsWith("-----") && line.length() >= 16) {
                parts.add(line.trim());
            }
        }
        String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        for (int i = 40; i + 32 <= b64.length(); i += 32) {
            parts.add(b64.substring(i, i + 32));
        }
        return parts;
    }
}
