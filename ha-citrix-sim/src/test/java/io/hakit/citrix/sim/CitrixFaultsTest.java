package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.WriteFault;
import io.hakit.test.CitrixSimulatorTest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@CitrixSimulatorTest
class CitrixFaultsTest {
    private static final WriteFault ERROR_BEFORE = WriteFault.of(WriteFault.Kind.ERROR_BEFORE_APPLY);
    private static final WriteFault ERROR_AFTER = WriteFault.of(WriteFault.Kind.ERROR_AFTER_APPLY);
    private static final WriteFault DROP_BEFORE = WriteFault.of(WriteFault.Kind.DROP_BEFORE_APPLY);

    private CitrixSimulator sim;
    private Nitro n;

    @BeforeEach
    void start() {
        n = new Nitro(sim.url()).login();
    }

    private Nitro.Resp addServer(int i) {
        return n.add("server", Map.of("name", "s" + i, "ipaddress", "10.0.0." + i));
    }

    @Test
    void theKthWriteFailsWithTheGivenErrorAndChangesNothing() {
        sim.faults().failWrite(2, 599, 293, "Operation already in progress");
        ok(addServer(1));
        JsonNode before = sim.snapshot();

        Nitro.Resp r = addServer(2);

        assertThat(r.status()).isEqualTo(599);
        assertThat(r.body().toString())
                .isEqualTo("{\"errorcode\":293,\"message\":\"Operation already in progress\",\"severity\":\"ERROR\"}");
        assertThat(sim.snapshot()).isEqualTo(before);
        ok(addServer(2));
    }

    @Test
    void readsLoginAndSaveAreNotWrites() {
        sim.faults().failWrite(1);
        n.get("server");
        new Nitro(sim.url()).login();
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
        Nitro.Resp r = addServer(1);
        assertThat(r.status()).isEqualTo(599);
        assertThat(r.errorcode()).isEqualTo(CitrixFaults.DEFAULT_ERRORCODE);
        assertThat(r.message()).isEqualTo("Operation not permitted");
    }

    @Test
    void failOnHitsTheObjectAlsoInsideABulkBody() {
        sim.faults().failOn("server", "s2", 1335, "Server already exists [10.0.0.2]");
        JsonNode before = sim.snapshot();
        Nitro.Resp single = addServer(2);
        assertThat(single.status()).isEqualTo(409);
        assertThat(single.errorcode()).isEqualTo(1335);

        Nitro.Resp bulk = n.onerror("rollback").post("server", "{\"server\":[{\"name\":\"s1\",\"ipaddress\":\"10.0.0.1\"},"
                + "{\"name\":\"s2\",\"ipaddress\":\"10.0.0.2\"}]}");
        assertThat(bulk.status()).isEqualTo(207);
        assertThat(bulk.body().at("/response/0/errorcode").asInt()).isEqualTo(1335);
        assertThat(sim.snapshot()).isEqualTo(before);

        ok(addServer(1));
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg", "servicetype", "SSL")));
        sim.faults().failOn("servicegroup", "sg", 257, "Operation not permitted");
        assertThat(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg", "servername", "s1",
                "port", 443)).errorcode()).as("a binding touches its parent").isEqualTo(257);
        assertThat(n.delete("servicegroup/sg").errorcode()).isEqualTo(257);

        sim.faults().clear();
        ok(addServer(2));
    }

    @Test
    void aResetWriteClosesTheConnectionAndChangesNothing() {
        sim.faults().resetWrite(1);
        JsonNode before = sim.snapshot();

        assertThatThrownBy(() -> addServer(1)).isInstanceOf(UncheckedIOException.class);

        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(sim.requests().get(sim.requests().size() - 1).status()).isZero();
        ok(addServer(1));
    }

    @Test
    void aDelayedWriteDoesNotHoldUpOtherRequests() throws Exception {
        sim.faults().delayWrite(1, Duration.ofSeconds(30));
        CompletableFuture<Nitro.Resp> slow = CompletableFuture.supplyAsync(() -> addServer(1));
        for (int i = 0; i < 500 && sim.writeCount() == 0; i++) {
            Thread.sleep(10);
        }
        assertThat(sim.writeCount()).as("the delayed write has arrived").isEqualTo(1);
        assertThat(n.get("lbvserver").status()).isEqualTo(200);
        assertThat(slow).as("the delayed write is still waiting").isNotDone();
        sim.close();
        slow.handle((r, e) -> null).get(60, TimeUnit.SECONDS);
    }

    @Test
    void aShortDelayStillApplies() {
        sim.faults().delayWrite(1, Duration.ofMillis(50));
        ok(addServer(1));
        assertThat(n.get("server/s1").status()).isEqualTo(200);
    }

    @Test
    void unavailableAnswers503ForTheNextRequests() {
        sim.faults().unavailable(2);
        assertThat(n.get("server").status()).isEqualTo(503);
        Nitro.Resp second = addServer(1);
        assertThat(second.status()).isEqualTo(503);
        assertThat(second.header("Content-Type")).hasValue("text/html");
        assertThat(n.get("server").status()).isEqualTo(200);
        assertThat(n.get("server").body().has("server")).isFalse();
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void saveBusyAnswers293ThatManyTimes() {
        sim.faults().saveBusy(2);
        for (int i = 0; i < 2; i++) {
            Nitro.Resp r = n.post("nsconfig?action=save", "{\"nsconfig\":{}}");
            assertThat(r.status()).isEqualTo(599);
            assertThat(r.body().toString())
                    .isEqualTo("{\"errorcode\":293,\"message\":\"Operation already in progress\",\"severity\":\"ERROR\"}");
        }
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
    }

    @Test
    void clearForgetsEveryFault() {
        sim.faults().failWrite(1).resetWrite(2).unavailable(3).saveBusy(1).failOn("server", "s1", 257, "x").clear();
        ok(addServer(1));
        ok(addServer(2));
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
    }

    @Test
    void misuseFailsFast() {
        assertThatThrownBy(() -> sim.faults().failWrite(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be 1 or more");
        assertThatThrownBy(() -> sim.faults().unavailable(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().delayWrite(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ the three counts

    private static void answered500(Nitro.Resp r) {
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorcode()).isEqualTo(257);
        assertThat(r.message()).isEqualTo("Internal Server Error");
    }

    @Test
    void theKthRequestCountsLoginsAndReads() {
        sim.faults().request(3, ERROR_BEFORE);
        Nitro other = new Nitro(sim.url()).login();
        assertThat(n.get("server").status()).isEqualTo(200);
        answered500(other.get("lbvserver"));
        assertThat(n.get("lbvserver").status()).isEqualTo(200);
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void aLoginCanBeTheFaultedRequest() {
        sim.faults().request(1, DROP_BEFORE);
        assertThatThrownBy(() -> new Nitro(sim.url()).login()).isInstanceOf(UncheckedIOException.class);
        assertThat(sim.requests().get(sim.requests().size() - 1).path()).endsWith("/login");
        assertThat(sim.requests().get(sim.requests().size() - 1).status()).isZero();
        new Nitro(sim.url()).login();
    }

    @Test
    void aWriteIsAlsoARequestAndAFaultAfterApplyingKeepsTheChange() {
        sim.faults().request(2, ERROR_AFTER);
        assertThat(n.get("server").status()).isEqualTo(200);
        answered500(addServer(1));
        assertThat(sim.writeCount()).isEqualTo(1);
        assertThat(sim.snapshot().path("server").get(0).path("name").asText()).isEqualTo("s1");
    }

    @Test
    void aWriteNumberedFaultWinsOverARequestNumberedOneOnTheSameRequest() {
        sim.faults().request(1, ERROR_BEFORE).failWrite(1);
        Nitro.Resp r = addServer(1);
        assertThat(r.status()).isEqualTo(599);
        assertThat(r.errorcode()).isEqualTo(CitrixFaults.DEFAULT_ERRORCODE);
        assertThat(r.message()).isEqualTo("Operation not permitted");
        assertThat(n.get("server").status()).as("the request fault was used up too").isEqualTo(200);
        ok(addServer(1));
    }

    @Test
    void aSaveNumberedFaultWinsOverARequestNumberedOne() {
        sim.faults().request(2, DROP_BEFORE).save(2, ERROR_BEFORE);
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
        answered500(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
    }

    @Test
    void aRequestRefusedBeforeAuthenticationIsARequestButNotAWrite() {
        sim.faults().request(2, ERROR_BEFORE).failWrite(1);
        Nitro anonymous = new Nitro(sim.url());
        assertThat(anonymous.add("server", Map.of("name", "s1", "ipaddress", "10.0.0.1")).errorcode())
                .isEqualTo(1027);
        answered500(anonymous.add("server", Map.of("name", "s1", "ipaddress", "10.0.0.1")));
        assertThat(sim.writeCount()).isZero();
        assertThat(addServer(1).errorcode()).as("still the first write").isEqualTo(CitrixFaults.DEFAULT_ERRORCODE);
    }

    @Test
    void unavailableRequestsAreCountedAsRequestsOnly() {
        sim.faults().unavailable(1).request(2, ERROR_BEFORE).failWrite(1);
        assertThat(addServer(1).status()).isEqualTo(503);
        answered500(n.get("server"));
        assertThat(addServer(1).errorcode()).as("the 503 was no write").isEqualTo(CitrixFaults.DEFAULT_ERRORCODE);
        ok(addServer(1));
        assertThat(sim.writeCount()).isEqualTo(2);
    }

    @Test
    void numberingGoesOnAfterClear() {
        ok(addServer(1));
        assertThat(n.get("server").status()).isEqualTo(200);
        sim.faults().request(1, ERROR_BEFORE).failWrite(1).save(1, ERROR_BEFORE).clear();
        assertThat(sim.writeCount()).as("clear keeps the counts").isEqualTo(1);

        sim.faults().request(2, ERROR_BEFORE).failWrite(2);
        assertThat(n.get("server").status()).isEqualTo(200);
        answered500(n.get("server"));
        ok(addServer(2));
        assertThat(addServer(3).errorcode()).isEqualTo(CitrixFaults.DEFAULT_ERRORCODE);
        assertThat(sim.writeCount()).isEqualTo(3);
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> sim.faults().request(0, ERROR_BEFORE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be 1 or more");
        assertThatThrownBy(() -> sim.faults().request(1, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("fault");
    }
}
