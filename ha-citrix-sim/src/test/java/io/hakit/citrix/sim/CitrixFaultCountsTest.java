package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.sim.WriteFault;
import io.hakit.test.CitrixSimulatorTest;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three counts of numbered faults (requests, writes, saves), over HTTP. */
@CitrixSimulatorTest
class CitrixFaultCountsTest {
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
