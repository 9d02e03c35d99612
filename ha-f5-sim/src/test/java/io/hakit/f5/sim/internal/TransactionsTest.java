package io.hakit.f5.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.sim.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private final SettableClock clock = new SettableClock();
    private final F5FaultPlan faults = new F5FaultPlan();
    private final RunningConfig config = new RunningConfig(null, name -> null);
    private final Transactions transactions = new Transactions(new Device.Settings(Map.of("admin", "admin"),
            Duration.ofSeconds(1200), 100, false, null, clock, Duration.ofSeconds(120), Duration.ZERO),
            new DeviceClock(clock), faults, config);

    private static SimRequest request(String method, String path, String json) {
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return new SimRequest(method, path, path, "", Map.of(), Map.of(), body, "127.0.0.1");
    }

    private static JsonNode json(SimResponse r) {
        assertThat(r.status()).isEqualTo(200);
        return F5SimJson.parse(r.body());
    }

    private long begin() {
        return json(transactions.handle(request("POST", "/mgmt/tm/transaction", "{}"), "transaction")).path("transId").asLong();
    }

    private void enlist(long id, String method, String rest, String json) {
        json(transactions.enlist(request(method, "/mgmt/tm/" + rest, json), String.valueOf(id), rest));
    }

    private SimResponse commit(long id, String body) {
        return transactions.handle(request("PATCH", "/mgmt/tm/transaction/" + id, body), "transaction/" + id);
    }

    private JsonNode state(long id) {
        return json(transactions.handle(request("GET", "/mgmt/tm/transaction/" + id, null), "transaction/" + id));
    }

    @Test
    void aCommitThatFailsValidationRollsBackEveryCommand() {
        ObjectNode before = config.store().snapshot();
        long id = begin();
        enlist(id, "POST", "ltm/pool", "{\"name\":\"web\"}");
        enlist(id, "POST", "ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"missing\"}");
        SimulatedF5Error e = catchThrowableOfType(() -> commit(id, "{\"state\":\"VALIDATING\"}"), SimulatedF5Error.class);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("transaction failed:01020036:3: The requested Pool (/Common/missing) was not found.");
        assertThat(config.store().snapshot()).as("the pool of the first command is rolled back too").isEqualTo(before);
        assertThat(state(id).path("state").asText()).isEqualTo("FAILED");
        assertThat(state(id).path("failureReason").asText()).isEqualTo("01020036:3: The requested Pool (/Common/missing) was not found.");
        assertThat(transactions.committed()).isZero();
        assertThat(transactions.pendingCount()).isEqualTo(1);
    }

    @Test
    void aCommitRunsEveryCommandInOrderOnce() {
        long id = begin();
        enlist(id, "POST", "ltm/pool", "{\"name\":\"web\"}");
        enlist(id, "POST", "ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"web\"}");
        assertThat(config.store().exists("ltm/pool", "/Common/web")).as("queued, not run").isFalse();
        assertThat(json(commit(id, "{\"state\":\"VALIDATING\"}")).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(config.store().exists("ltm/virtual", "/Common/vs")).isTrue();
        assertThat(transactions.committed()).isEqualTo(1);
        assertThat(transactions.pendingCount()).isZero();
        SimulatedF5Error again = catchThrowableOfType(() -> commit(id, "{\"state\":\"VALIDATING\"}"), SimulatedF5Error.class);
        assertThat(again.getMessage()).isEqualTo("Transaction " + id + " is COMPLETED and cannot be committed again.");
    }

    @Test
    void aValidateOnlyCommitChangesNothing() {
        ObjectNode before = config.store().snapshot();
        long id = begin();
        enlist(id, "POST", "ltm/pool", "{\"name\":\"web\"}");
        assertThat(json(commit(id, "{\"state\":\"VALIDATING\",\"validateOnly\":true}")).path("state").asText())
                .isEqualTo("COMPLETED");
        assertThat(config.store().snapshot()).isEqualTo(before);
        assertThat(transactions.committed()).isZero();
    }

    @Test
    void anInjectedCommitFailureRollsBackAndIsConsumed() {
        long id = begin();
        enlist(id, "POST", "ltm/pool", "{\"name\":\"web\"}");
        faults.failCommit("01070734:3: Configuration error: simulated");
        SimulatedF5Error e = catchThrowableOfType(() -> commit(id, "{\"state\":\"VALIDATING\"}"), SimulatedF5Error.class);
        assertThat(e.getMessage()).isEqualTo("transaction failed:01070734:3: Configuration error: simulated");
        assertThat(config.store().exists("ltm/pool", "/Common/web")).isFalse();
        long next = begin();
        enlist(next, "POST", "ltm/pool", "{\"name\":\"web\"}");
        assertThat(json(commit(next, "{\"state\":\"VALIDATING\"}")).path("state").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anExpiredTransactionNoLongerExists() {
        long id = begin();
        enlist(id, "POST", "ltm/pool", "{\"name\":\"web\"}");
        clock.advance(Duration.ofSeconds(120));
        assertThat(transactions.pendingCount()).isZero();
        SimulatedF5Error e = catchThrowableOfType(() -> commit(id, "{\"state\":\"VALIDATING\"}"), SimulatedF5Error.class);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("Transaction " + id + " does not exist.");
    }

    @Test
    void aSubCollectionPostCannotBeACommand() {
        long id = begin();
        SimulatedF5Error e = catchThrowableOfType(() -> enlist(id, "POST", "ltm/pool/~Common~p/members",
                "{\"name\":\"10.0.0.1:80\"}"), SimulatedF5Error.class);
        assertThat(e.getMessage()).isEqualTo("Found invalid command id 1/members/");
        SimulatedF5Error empty = catchThrowableOfType(() -> commit(id, "{\"state\":\"VALIDATING\"}"), SimulatedF5Error.class);
        assertThat(empty.getMessage()).isEqualTo("there is no command to commit in the transaction");
    }
}
