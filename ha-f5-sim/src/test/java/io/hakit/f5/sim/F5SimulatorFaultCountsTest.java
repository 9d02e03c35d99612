package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.sim.WriteFault;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three counts of {@link F5Faults}: requests, writes, saves. */
class F5SimulatorFaultCountsTest {
    private static final String SAVE = "{\"command\":\"save\"}";
    private static final String BASH_SAVE = "{\"command\":\"run\",\"utilCmdArgs\":\"-c 'tmsh save sys config'\"}";
    private static final String INTERNAL = "An unexpected error occurred (simulated internal server error).";
    private F5Simulator sim;

    @BeforeEach
    void start() {
        sim = F5Simulator.builder().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private boolean pool(String name) {
        return sim.snapshot().path("ltm/pool").has("/Common/" + name);
    }

    @Test
    void aWriteNumberSkipsLoginsTokenRequestsReadsAndSaves() {
        sim.faults().write(2, WriteFault.of(WriteFault.Kind.ERROR_BEFORE_APPLY));
        SimHttp http = new SimHttp(sim.url());
        assertThat(http.login("admin", "admin").status()).isEqualTo(200);
        assertThat(http.get("/mgmt/shared/authz/tokens").status()).isEqualTo(200);
        assertThat(http.patch("/mgmt/shared/authz/tokens/" + http.token(), "{\"timeout\":600}").status()).isEqualTo(200);
        assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
        assertThat(http.post("/mgmt/tm/sys/config", SAVE).status()).isEqualTo(200);
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"first\"}").status()).as("write 1").isEqualTo(200);
        assertThat(http.post("/mgmt/tm/util/bash", BASH_SAVE).status()).isEqualTo(200);
        assertThat(http.anonymous().post("/mgmt/tm/ltm/pool", "{\"name\":\"anon\"}").status())
                .as("refused before authentication: a request, not a write").isEqualTo(401);
        SimHttp.Resp second = SimHttp.loggedIn(sim).post("/mgmt/tm/ltm/pool", "{\"name\":\"second\"}");
        assertThat(second.status()).as("write 2").isEqualTo(500);
        assertThat(second.message()).isEqualTo(INTERNAL);
        assertThat(pool("first")).isTrue();
        assertThat(pool("second")).as("an error before applying changes nothing").isFalse();
        assertThat(sim.configSaves()).isEqualTo(2);
    }

    @Test
    void aTransactionsCreationCommandAndCommitAreOneWriteEach() {
        SimHttp http = SimHttp.loggedIn(sim);
        sim.faults().failWrite(3, 503, "The connection to mcpd has been lost, try again.");
        long id = http.post("/mgmt/tm/transaction", "{}").json().path("transId").asLong();
        http.header("X-F5-REST-Coordination-Id", String.valueOf(id));
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}").status()).isEqualTo(200);
        http.header("X-F5-REST-Coordination-Id", null);
        assertThat(http.get("/mgmt/tm/transaction/" + id).status()).isEqualTo(200);
        SimHttp.Resp commit = http.patch("/mgmt/tm/transaction/" + id, "{\"state\":\"VALIDATING\"}");
        assertThat(commit.status()).isEqualTo(503);
        assertThat(commit.message()).isEqualTo("The connection to mcpd has been lost, try again.");
        assertThat(sim.transactionsCommitted()).isZero();
        assertThat(pool("web")).isFalse();
    }

    @Test
    void aSaveFaultAfterApplyingLeavesTheConfigurationSaved() {
        SimHttp http = SimHttp.loggedIn(sim);
        sim.faults().save(1, WriteFault.of(WriteFault.Kind.DROP_AFTER_APPLY));
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}").status()).as("a write is not a save").isEqualTo(200);
        assertThat(sim.unsavedChanges()).isTrue();
        assertThatThrownBy(() -> http.post("/mgmt/tm/sys/config", SAVE)).isInstanceOf(UncheckedIOException.class);
        assertThat(sim.configSaves()).isEqualTo(1);
        assertThat(sim.unsavedChanges()).as("dropped after applying: saved").isFalse();
    }

    @Test
    void aSaveFaultBeforeApplyingSavesNothingAndCountsBashSaves() {
        SimHttp http = SimHttp.loggedIn(sim);
        sim.faults().save(2, WriteFault.of(WriteFault.Kind.ERROR_BEFORE_APPLY));
        assertThat(http.post("/mgmt/tm/util/bash", BASH_SAVE).status()).as("save 1").isEqualTo(200);
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
        SimHttp.Resp second = http.post("/mgmt/tm/sys/config", SAVE);
        assertThat(second.status()).as("save 2").isEqualTo(500);
        assertThat(sim.configSaves()).isEqualTo(1);
        assertThat(sim.unsavedChanges()).isTrue();
    }

    @Test
    void aWriteFaultAndARequestFaultOnTheSameRequestTheWriteOneWins() {
        SimHttp http = SimHttp.loggedIn(sim);
        sim.faults().failRequest(1, 400, "by request number").failWrite(1, 409, "by write number");
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.message()).isEqualTo("by write number");
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}").status()).as("both were consumed").isEqualTo(200);
    }

    @Test
    void aRequestFaultStillCountsEveryRequest() {
        SimHttp http = SimHttp.loggedIn(sim);
        sim.faults().request(2, WriteFault.of(WriteFault.Kind.ERROR_AFTER_APPLY));
        assertThat(http.get("/mgmt/tm/ltm/pool").status()).isEqualTo(200);
        assertThat(http.post("/mgmt/tm/sys/config", SAVE).status()).as("request 2, a save").isEqualTo(500);
        assertThat(sim.configSaves()).as("an error after applying: saved").isEqualTo(1);
    }

    @Test
    void numberingContinuesAfterClear() {
        SimHttp http = SimHttp.loggedIn(sim);
        sim.faults().write(3, WriteFault.of(WriteFault.Kind.ERROR_BEFORE_APPLY))
                .save(1, WriteFault.of(WriteFault.Kind.ERROR_BEFORE_APPLY));
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}").status()).isEqualTo(200);
        sim.faults().clear();
        sim.faults().write(1, WriteFault.late(Duration.ofMillis(1))).failWrite(2, 400, "second write after clear");
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"b\"}").status()).as("write 2, late").isEqualTo(200);
        SimHttp.Resp third = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"c\"}");
        assertThat(third.status()).as("write 3: the fault scheduled after clear, not the one cleared").isEqualTo(400);
        assertThat(third.message()).isEqualTo("second write after clear");
        assertThat(http.post("/mgmt/tm/sys/config", SAVE).status()).as("the cleared save fault is gone").isEqualTo(200);
    }

    @Test
    void faultNumbersAreChecked() {
        WriteFault drop = WriteFault.of(WriteFault.Kind.DROP_BEFORE_APPLY);
        assertThatThrownBy(() -> sim.faults().write(0, drop)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().save(0, drop)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().failWrite(1, 200, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().write(1, null)).isInstanceOf(NullPointerException.class);
    }
}
