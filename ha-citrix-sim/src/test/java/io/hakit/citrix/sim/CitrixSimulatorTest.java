package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.SimulatorException;
import io.hakit.test.ThrowawayCa;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Snapshots, the direct state API, the HA role, the request log and write count, concurrency, TLS. */
class CitrixSimulatorTest {
    private final List<CitrixSimulator> sims = new ArrayList<>();

    private CitrixSimulator sim() {
        CitrixSimulator s = CitrixSimulator.builder().start();
        sims.add(s);
        return s;
    }

    @AfterEach
    void stop() {
        sims.forEach(CitrixSimulator::close);
    }

    @Test
    void snapshotsAreEqualExactlyWhenConfigsAreEqualWhateverTheOrderOfMaking() {
        CitrixSimulator a = sim();
        CitrixSimulator b = sim();
        a.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11"));
        a.add("server", Map.of("name", "app2", "ipaddress", "10.0.0.12"));
        a.add("lbvserver", Map.of("name", "vs", "servicetype", "ssl", "lbmethod", "ROUNDROBIN"));
        b.add("lbvserver", Map.of("name", "vs", "servicetype", "SSL", "lbmethod", "roundrobin"));
        b.add("server", Map.of("name", "app2", "ipaddress", "10.0.0.12"));
        b.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11"));

        assertThat(a.snapshot()).isEqualTo(b.snapshot());
        assertThat(a.snapshot().toString()).isEqualTo(b.snapshot().toString());

        b.update("server", Map.of("name", "app1", "comment", "x"));
        assertThat(a.snapshot()).isNotEqualTo(b.snapshot());
    }

    @Test
    void aSnapshotIsADeepCopyAndLeavesOutSessions() {
        CitrixSimulator s = sim();
        s.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11"));
        JsonNode snap = s.snapshot();
        ((ObjectNode) snap.at("/server/0")).put("ipaddress", "6.6.6.6");
        assertThat(s.snapshot().at("/server/0/ipaddress").asText()).isEqualTo("10.0.0.11");

        JsonNode before = s.snapshot();
        new Nitro(s.url()).login().get("server");
        s.faults().failWrite(1);
        assertThat(s.snapshot()).isEqualTo(before);
    }

    @Test
    void theDirectApiValidatesLikeHttp() {
        CitrixSimulator s = sim();
        s.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11"));
        s.add("servicegroup", Map.of("servicegroupname", "sg", "servicetype", "SSL"));
        s.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg", "servername", "app1",
                "port", 7001));

        assertThatThrownBy(() -> s.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11")))
                .isInstanceOfSatisfying(SimulatorException.class, e -> {
                    assertThat(e.vendorCode()).isEqualTo("273");
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.vendorMessage()).isEqualTo("Resource already exists");
                });
        assertThatThrownBy(() -> s.add("server", Map.of("name", "x", "ipaddress", "10.0.0.1", "weight", 3)))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.vendorCode()).isEqualTo("278"));
        assertThatThrownBy(() -> s.delete("server", "app1"))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.vendorCode()).isEqualTo("1070"));
        assertThatThrownBy(() -> s.bind("server", Map.of("name", "y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.add("nosuchthing", Map.of()))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.vendorCode()).isEqualTo("258"));

        s.unbind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg", "servername", "app1",
                "port", 7001));
        s.delete("server", "app1");
        s.add("lbmonitor", Map.of("monitorname", "m", "type", "HTTP"));
        s.delete("lbmonitor", "m");
        assertThat(s.snapshot().has("server")).isFalse();
        assertThat(s.writeCount()).as("direct changes are not writes").isZero();
        assertThat(s.requests()).isEmpty();
    }

    @Test
    void aSecondaryRefusesEveryWriteWith1028AndChangesNothing() {
        CitrixSimulator s = CitrixSimulator.builder().secondary(true).start();
        sims.add(s);
        Nitro n = new Nitro(s.url()).login();
        JsonNode before = s.snapshot();

        Nitro.Resp r = n.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11"));
        assertThat(r.status()).isEqualTo(599);
        assertThat(r.errorcode()).isEqualTo(1028);
        assertThat(r.message()).startsWith("You are connected to a secondary node");
        assertThat(n.post("nsconfig?action=save", "{\"nsconfig\":{}}").errorcode()).isEqualTo(1028);
        assertThat(n.delete("server/app1").errorcode()).isEqualTo(1028);
        assertThat(n.get("server").status()).isEqualTo(200);
        assertThat(s.snapshot()).isEqualTo(before);

        s.secondary(false);
        ok(n.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11")));
    }

    @Test
    void theRequestLogRedactsSecretsAndWriteCountCountsWritesOnly() {
        CitrixSimulator s = sim();
        Nitro n = new Nitro(s.url()).login();
        ok(n.add("systemfile", Setup.upload("k.key", "-----BEGIN PRIVATE KEY-----")));
        ok(n.add("lbmonitor", Map.of("monitorname", "m", "type", "LDAP", "password", "monpw")));
        n.get("lbmonitor");
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
        new Nitro(s.url()).header("X-NITRO-USER", "admin").header("X-NITRO-PASS", "admin").get("server");
        ok(n.post("logout", "{\"logout\":{}}"));

        List<RecordedRequest> log = s.requests();
        assertThat(log).extracting(RecordedRequest::method)
                .containsExactly("POST", "POST", "POST", "GET", "POST", "GET", "POST");
        assertThat(log.get(0).path()).isEqualTo("/nitro/v1/config/login");
        assertThat(log.get(0).body()).doesNotContain("\"admin\"}").contains("\"password\":\"<redacted>\"");
        assertThat(log.get(0).status()).isEqualTo(201);
        assertThat(log.get(1).body()).doesNotContain("BEGIN").contains("\"filecontent\":\"<redacted>\"");
        assertThat(log.get(1).headers()).containsEntry("cookie", "NITRO_AUTH_TOKEN=<redacted>");
        assertThat(log.get(2).body()).doesNotContain("monpw");
        assertThat(log.get(4).query()).isEqualTo("action=save");
        assertThat(log.get(5).headers()).containsEntry("x-nitro-pass", "<redacted>").containsEntry("x-nitro-user", "admin");
        assertThat(log.toString()).doesNotContain(n.token().substring(2));
        assertThat(s.writeCount()).isEqualTo(2);

        s.clearRequests();
        assertThat(s.requests()).isEmpty();
    }

    @Test
    void aRefusedWriteStillCountsButAFailedAuthenticationDoesNot() {
        CitrixSimulator s = sim();
        Nitro n = new Nitro(s.url()).login();
        n.add("server", Map.of("name", "app1", "ipaddress", "bad"));
        new Nitro(s.url()).add("server", Map.of("name", "app1", "ipaddress", "10.0.0.1"));
        assertThat(s.writeCount()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsAreSafe() throws Exception {
        CitrixSimulator s = sim();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    Nitro n = new Nitro(s.url()).login();
                    int created = 0;
                    for (int i = 0; i < 20; i++) {
                        // every thread also races for the same 20 names: each is made exactly once
                        if (n.add("server", Map.of("name", "shared" + i, "ipaddress", "10.1.0." + i)).status() == 201) {
                            created++;
                        }
                        ok(n.add("server", Map.of("name", "t" + thread + "-" + i,
                                "ipaddress", "10.2." + thread + "." + i)));
                        n.get("server");
                    }
                    return created;
                }));
            }
            int shared = 0;
            for (Future<Integer> f : results) {
                shared += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(shared).isEqualTo(20);
            assertThat(s.snapshot().path("server")).hasSize(20 + 8 * 20);
            assertThat(s.writeCount()).isEqualTo(8 * 40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void servesHttpsWithTheGivenCertificate() {
        ThrowawayCa ca = ThrowawayCa.create("Sim Mgmt CA");
        ThrowawayCa.Issued cert = ca.issueServer("127.0.0.1");
        CitrixSimulator s = CitrixSimulator.builder().tls(cert.chain().certificates().toArray(new X509Certificate[0]),
                cert.privateKey()).start();
        sims.add(s);
        assertThat(s.url().toString()).startsWith("https://127.0.0.1:");
        Nitro n = new Nitro(s.url(), ca.clientContext()).login();
        assertThat(n.get("server").status()).isEqualTo(200);
    }

    @Test
    void builderMisuseFailsFast() {
        assertThatThrownBy(() -> CitrixSimulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitrixSimulator.builder().credentials(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessage("user");
        assertThatThrownBy(() -> CitrixSimulator.builder().sessionTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CitrixSimulator.builder().tls(new X509Certificate[0], null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFixedPortIsUsedAndATakenOneIsATransportError() {
        CitrixSimulator a = sim();
        int port = a.url().getPort();
        assertThatThrownBy(() -> CitrixSimulator.builder().port(port).start())
                .isInstanceOf(io.hakit.model.TransportException.class).hasMessageContaining("127.0.0.1:" + port);
    }
}
