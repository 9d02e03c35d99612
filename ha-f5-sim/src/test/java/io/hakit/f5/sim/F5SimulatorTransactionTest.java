package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class F5SimulatorTransactionTest {

    private static long begin(SimHttp http) {
        SimHttp.Resp r = http.header("X-F5-REST-Coordination-Id", null).post("/mgmt/tm/transaction", "{}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("state").asText()).isEqualTo("STARTED");
        assertThat(r.json().path("kind").asText()).isEqualTo("tm:transactionstate");
        return r.json().path("transId").asLong();
    }

    private static SimHttp.Resp commit(SimHttp http, long id, boolean validateOnly) {
        return http.header("X-F5-REST-Coordination-Id", null).patch("/mgmt/tm/transaction/" + id,
                "{\"state\":\"VALIDATING\"" + (validateOnly ? ",\"validateOnly\":true" : "") + "}");
    }

    private static void reference(SimHttp http, long id) {
        http.header("X-F5-REST-Coordination-Id", String.valueOf(id));
        assertThat(http.post("/mgmt/tm/ltm/monitor/https", "{\"name\":\"mon\",\"interval\":5,\"timeout\":16}").status())
                .isEqualTo(200);
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\",\"monitor\":\"/Common/mon\","
                + "\"members\":[{\"name\":\"10.0.0.11:7001\"},{\"name\":\"10.0.0.12:7001\"}]}").status()).isEqualTo(200);
        assertThat(http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:7001\",\"pool\":\"web\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void queuedCommandsRunAtCommitInOrder() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            long id = begin(http);
            http.header("X-F5-REST-Coordination-Id", String.valueOf(id));
            SimHttp.Resp queued = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
            assertThat(queued.json().path("kind").asText()).isEqualTo("tm:transaction:commandsstate");
            assertThat(queued.json().path("method").asText()).isEqualTo("POST");
            assertThat(queued.json().path("evalOrder").asInt()).isEqualTo(1);
            http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"web\"}");
            assertThat(http.get("/mgmt/tm/ltm/pool/~Common~web").status())
                    .as("an object created in the transaction cannot be read inside it").isEqualTo(404);
            http.header("X-F5-REST-Coordination-Id", null);
            assertThat(http.get("/mgmt/tm/transaction/" + id + "/commands").json().path("items")).hasSize(2);
            SimHttp.Resp done = commit(http, id, false);
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.json().path("state").asText()).isEqualTo("COMPLETED");
            assertThat(http.get("/mgmt/tm/ltm/virtual/~Common~vs").json().path("pool").asText()).isEqualTo("/Common/web");
            assertThat(sim.transactionsCommitted()).isEqualTo(1);
            assertThat(sim.writeCount()).as("create + 2 queued + commit").isEqualTo(4);
        }
    }

    @Test
    void aFailingCommandRollsBackEverythingAndReportsFailed() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"existing\",\"description\":\"before\"}");
            JsonNode before = sim.snapshot();
            long id = begin(http);
            reference(http, id);
            http.patch("/mgmt/tm/ltm/pool/~Common~existing", "{\"description\":\"after\"}");
            http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs2\",\"destination\":\"10.0.0.2:443\",\"pool\":\"/Common/nope\"}");
            SimHttp.Resp r = commit(http, id, false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("transaction failed:01020036:3: The requested Pool (/Common/nope) was not found.");
            assertThat(sim.snapshot()).isEqualTo(before);
            JsonNode state = http.get("/mgmt/tm/transaction/" + id).json();
            assertThat(state.path("state").asText()).isEqualTo("FAILED");
            assertThat(state.path("failureReason").asText()).isEqualTo("01020036:3: The requested Pool (/Common/nope) was not found.");
            assertThat(sim.transactionsCommitted()).isZero();
            assertThat(commit(http, id, false).status()).as("a failed transaction cannot be committed again").isEqualTo(400);
        }
    }

    @Test
    void validateOnlyChecksAndChangesNothing() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            JsonNode before = sim.snapshot();
            long id = begin(http);
            reference(http, id);
            SimHttp.Resp r = commit(http, id, true);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("validateOnly").asBoolean()).isTrue();
            assertThat(sim.snapshot()).isEqualTo(before);
            assertThat(sim.transactionsCommitted()).isZero();
            long bad = begin(http);
            http.header("X-F5-REST-Coordination-Id", String.valueOf(bad))
                    .post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"nope\"}");
            assertThat(commit(http, bad, true).status()).isEqualTo(400);
        }
    }

    @Test
    void subCollectionPostInsideATransactionIsRefused() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
            long id = begin(http);
            http.header("X-F5-REST-Coordination-Id", String.valueOf(id));
            http.post("/mgmt/tm/ltm/node", "{\"name\":\"a\",\"address\":\"10.0.0.1\"}");
            http.post("/mgmt/tm/ltm/node", "{\"name\":\"b\",\"address\":\"10.0.0.2\"}");
            SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool/~Common~web/members", "{\"name\":\"10.0.0.1:80\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("Found invalid command id 3/members/");
            assertThat(r.json().path("apiError").asInt()).isEqualTo(1);
        }
    }

    @Test
    void emptyCommitIsRefused() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            long id = begin(http);
            SimHttp.Resp r = commit(http, id, false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("there is no command to commit in the transaction");
        }
    }

    @Test
    void transactionsTimeOut() {
        SettableClock clock = new SettableClock();
        try (F5Simulator sim = F5Simulator.builder().clock(clock).transactionTimeout(Duration.ofSeconds(30)).start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            long id = begin(http);
            assertThat(http.get("/mgmt/tm/transaction/" + id).json().path("timeoutSeconds").asInt()).isEqualTo(30);
            http.header("X-F5-REST-Coordination-Id", String.valueOf(id)).post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
            clock.advance(Duration.ofSeconds(31));
            SimHttp.Resp queued = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web2\"}");
            assertThat(queued.status()).isEqualTo(404);
            assertThat(queued.message()).isEqualTo("Transaction " + id + " does not exist.");
            SimHttp.Resp r = commit(http, id, false);
            assertThat(r.status()).isEqualTo(404);
            assertThat(http.get("/mgmt/tm/ltm/pool").json().has("items")).isFalse();
        }
    }

    @Test
    void injectedCommitFailureRollsBack() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            JsonNode before = sim.snapshot();
            long id = begin(http);
            reference(http, id);
            sim.faults().failCommit("01070734:3: Configuration error: simulated");
            SimHttp.Resp r = commit(http, id, false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("transaction failed:01070734:3: Configuration error: simulated");
            assertThat(http.header("X-F5-REST-Coordination-Id", null).get("/mgmt/tm/transaction/" + id).json()
                    .path("failureReason").asText()).isEqualTo("01070734:3: Configuration error: simulated");
            assertThat(sim.snapshot()).isEqualTo(before);
            long again = begin(http);
            reference(http, again);
            assertThat(commit(http, again, false).status()).as("the fault fires once").isEqualTo(200);
        }
    }

    @Test
    void queuedCommandsCanBeListedAndRemovedBeforeCommit() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            long id = begin(http);
            http.header("X-F5-REST-Coordination-Id", String.valueOf(id));
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}");
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"b\"}");
            http.header("X-F5-REST-Coordination-Id", null);
            assertThat(http.delete("/mgmt/tm/transaction/" + id + "/commands/1").status()).isEqualTo(200);
            commit(http, id, false);
            assertThat(http.get("/mgmt/tm/ltm/pool/~Common~a").status()).isEqualTo(404);
            assertThat(http.get("/mgmt/tm/ltm/pool/~Common~b").status()).isEqualTo(200);
        }
    }

    @Test
    void deletesAndPatchesAreQueuedToo() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"old\"}");
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"keep\"}");
            long id = begin(http);
            http.header("X-F5-REST-Coordination-Id", String.valueOf(id));
            http.delete("/mgmt/tm/ltm/pool/~Common~old");
            http.patch("/mgmt/tm/ltm/pool/~Common~keep", "{\"description\":\"x\"}");
            http.header("X-F5-REST-Coordination-Id", null);
            assertThat(http.get("/mgmt/tm/ltm/pool/~Common~old").status()).as("not yet").isEqualTo(200);
            commit(http, id, false);
            assertThat(http.get("/mgmt/tm/ltm/pool/~Common~old").status()).isEqualTo(404);
            assertThat(http.get("/mgmt/tm/ltm/pool/~Common~keep").json().path("description").asText()).isEqualTo("x");
        }
    }
}
