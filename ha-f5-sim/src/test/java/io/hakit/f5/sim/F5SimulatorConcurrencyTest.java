package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.test.ThrowawayCa;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class F5SimulatorConcurrencyTest {

    @Test
    void concurrentWritersAreSerialisedByOneLock() throws Exception {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<List<Long>>> futures = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        SimHttp http = SimHttp.loggedIn(sim);
                        List<Long> gens = new ArrayList<>();
                        for (int i = 0; i < 15; i++) {
                            SimHttp.Resp r = http.post("/mgmt/tm/ltm/node", "{\"name\":\"n" + thread + "-" + i
                                    + "\",\"address\":\"10.1." + thread + "." + i + "\"}");
                            assertThat(r.status()).isEqualTo(200);
                            gens.add(r.json().path("generation").asLong());
                        }
                        return gens;
                    }));
                }
                Set<Long> generations = new HashSet<>();
                for (Future<List<Long>> f : futures) {
                    generations.addAll(f.get(60, TimeUnit.SECONDS));
                }
                assertThat(generations).as("every change got its own generation").hasSize(90);
            } finally {
                pool.shutdownNow();
            }
            assertThat(SimHttp.loggedIn(sim).get("/mgmt/tm/ltm/node").json().path("items")).hasSize(90);
            assertThat(sim.writeCount()).isEqualTo(90);
        }
    }

    @Test
    void snapshotIsDeterministicAndEqualForEqualConfigs() {
        try (F5Simulator a = F5Simulator.builder().start(); F5Simulator b = F5Simulator.builder().start()) {
            SimHttp ha = SimHttp.loggedIn(a);
            SimHttp hb = SimHttp.loggedIn(b);
            ha.post("/mgmt/tm/ltm/node", "{\"name\":\"x\",\"address\":\"10.0.0.1\"}");
            ha.post("/mgmt/tm/ltm/node", "{\"name\":\"y\",\"address\":\"10.0.0.2\"}");
            hb.post("/mgmt/tm/ltm/node", "{\"name\":\"y\",\"address\":\"10.0.0.2\"}");
            hb.post("/mgmt/tm/ltm/node", "{\"name\":\"x\",\"description\":\"d\",\"address\":\"10.0.0.1\"}");
            assertThat(a.snapshot()).isNotEqualTo(b.snapshot());
            hb.patch("/mgmt/tm/ltm/node/~Common~x", "{\"description\":\"e\"}");
            ha.patch("/mgmt/tm/ltm/node/~Common~x", "{\"description\":\"e\"}");
            assertThat(a.snapshot()).as("same config, different history and generations").isEqualTo(b.snapshot());
            ((com.fasterxml.jackson.databind.node.ObjectNode) a.snapshot()).removeAll();
            assertThat(a.snapshot()).as("a snapshot is a copy").isEqualTo(b.snapshot());
        }
    }

    @Test
    void servesHttpsWithTheGivenCertificate() {
        ThrowawayCa ca = ThrowawayCa.create("Sim CA");
        ThrowawayCa.Issued server = ca.issueServer("127.0.0.1", "localhost");
        try (F5Simulator sim = F5Simulator.builder()
                .tls(server.chain().certificates().toArray(new java.security.cert.X509Certificate[0]), server.privateKey())
                .start()) {
            assertThat(sim.url().getScheme()).isEqualTo("https");
            assertThat(sim.url().getHost()).isEqualTo("127.0.0.1");
            SimHttp http = new SimHttp(sim.url(), ca.clientContext());
            assertThat(http.login("admin", "admin").status()).isEqualTo(200);
            assertThat(http.get("/mgmt/tm/sys/version").status()).isEqualTo(200);
        }
    }
}
