package io.hakit.f5.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigStoreTest {
    private final ConfigStore store = ConfigStore.initial(null);

    private JsonNode run(String method, String rest, String json) {
        return store.execute(method, rest, Map.of(), json == null ? null : F5SimJson.parse(json.getBytes()));
    }

    private SimulatedF5Error refused(String method, String rest, String json) {
        ObjectNode before = store.snapshot();
        SimulatedF5Error e = catchThrowableOfType(() -> run(method, rest, json), SimulatedF5Error.class);
        assertThat(e).as(method + " " + rest + " is refused").isNotNull();
        assertThat(store.snapshot()).as("a refused request changes nothing").isEqualTo(before);
        return e;
    }

    private static void assertTmosError(SimulatedF5Error e, int status, String message) {
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.getMessage()).isEqualTo(message);
        ObjectNode body = e.body();
        assertThat(body.path("code").asInt()).isEqualTo(status);
        assertThat(body.path("message").asText()).isEqualTo(message);
        assertThat(body.path("errorStack").isArray()).isTrue();
        assertThat(body.path("apiError").asInt()).isEqualTo(3);
    }

    @Test
    void aCreateNamingAMissingPoolIsRefusedWithTheTmosNotFoundErrorAndChangesNothing() {
        SimulatedF5Error e = refused("POST", "ltm/virtual",
                "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"nope\"}");
        assertTmosError(e, 400, "01020036:3: The requested Pool (/Common/nope) was not found.");
        assertThat(e.vendorCode()).isEqualTo("01020036");
    }

    @Test
    void aSecondCreateOfTheSameNameIsRefusedWithAlreadyExists() {
        run("POST", "ltm/pool", "{\"name\":\"web\",\"description\":\"first\"}");
        SimulatedF5Error e = refused("POST", "ltm/pool", "{\"name\":\"web\",\"description\":\"second\"}");
        assertTmosError(e, 409, "01020066:3: The requested Pool (/Common/web) already exists in partition Common.");
        assertThat(run("GET", "ltm/pool/~Common~web", null).path("description").asText()).isEqualTo("first");
    }

    @Test
    void deletingAPoolAVirtualReferencesIsRefusedWithTheInUseMessage() {
        run("POST", "ltm/pool", "{\"name\":\"web\"}");
        run("POST", "ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"web\"}");
        SimulatedF5Error e = refused("DELETE", "ltm/pool/~Common~web", null);
        assertTmosError(e, 400,
                "01070265:3: The Pool (/Common/web) cannot be deleted because it is in use by a Virtual Server (/Common/vs).");
        run("DELETE", "ltm/virtual/~Common~vs", null);
        run("DELETE", "ltm/pool/~Common~web", null);
        assertThat(store.exists("ltm/pool", "/Common/web")).as("free once the virtual is gone").isFalse();
    }

    @Test
    void deletingANodeAPoolMemberReferencesNamesThePool() {
        run("POST", "ltm/pool", "{\"name\":\"p\",\"members\":[{\"name\":\"10.0.0.9:80\"}]}");
        assertThat(store.exists("ltm/node", "/Common/10.0.0.9")).as("a member naming an address creates its node").isTrue();
        SimulatedF5Error e = refused("DELETE", "ltm/node/~Common~10.0.0.9", null);
        assertTmosError(e, 400, "01070110:3: Node address '/Common/10.0.0.9' is referenced by a member of pool '/Common/p'.");
    }

    @Test
    void aSystemSuppliedObjectCannotBeDeleted() {
        SimulatedF5Error e = refused("DELETE", "ltm/monitor/http/~Common~http", null);
        assertTmosError(e, 400, "The Monitor (/Common/http) is a system-supplied object and cannot be deleted.");
    }

    @Test
    void aRefusedSubCollectionChangeLeavesTheParentAsItWas() {
        run("POST", "ltm/pool", "{\"name\":\"p\",\"members\":[{\"name\":\"10.0.0.9:80\"}]}");
        SimulatedF5Error e = refused("POST", "ltm/pool/~Common~p/members", "{\"name\":\"10.0.0.9:80\"}");
        assertTmosError(e, 409, "01020066:3: The requested Pool Member (/Common/p /Common/10.0.0.9 80) already exists in "
                + "partition Common.");
        JsonNode member = run("PATCH", "ltm/pool/~Common~p/members/~Common~10.0.0.9:80", "{\"session\":\"user-disabled\"}");
        assertThat(member.path("session").asText()).isEqualTo("user-disabled");
        assertThat(member.path("kind").asText()).isEqualTo("tm:ltm:pool:members:membersstate");
    }

    @Test
    void everyStoredChangeGetsTheNextGenerationAndTheStoredForm() {
        JsonNode a = run("POST", "ltm/monitor/http", "{\"name\":\"m\",\"interval\":\"7\",\"timeout\":22}");
        JsonNode b = run("PATCH", "ltm/monitor/http/~Common~m", "{\"interval\":9}");
        assertThat(b.path("generation").asLong()).isGreaterThan(a.path("generation").asLong());
        assertThat(a.path("interval").isIntegralNumber()).as("a number sent as text is stored as a number").isTrue();
        assertThat(a.path("defaultsFrom").asText()).isEqualTo("/Common/http");
        SimulatedF5Error e = refused("PATCH", "ltm/monitor/http/~Common~m", "{\"interval\":0}");
        assertThat(e.getMessage()).isEqualTo("Invalid value for interval: 0 (expected an integer from 1 to 86400).");
    }

    @Test
    void aCopyIsIndependentOfTheOriginal() {
        run("POST", "ltm/pool", "{\"name\":\"a\"}");
        ConfigStore copy = store.copy();
        copy.execute("POST", "ltm/pool", Map.of(), F5SimJson.parse("{\"name\":\"b\"}".getBytes()));
        copy.execute("DELETE", "ltm/pool/~Common~a", Map.of(), null);
        assertThat(store.exists("ltm/pool", "/Common/a")).isTrue();
        assertThat(store.exists("ltm/pool", "/Common/b")).isFalse();
        assertThat(copy.exists("ltm/pool", "/Common/b")).isTrue();
    }

    @Test
    void anUnknownPathIsNotRegistered() {
        SimulatedF5Error e = refused("GET", "ltm/nothing", null);
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.getMessage()).startsWith("URI path /mgmt/tm/ltm/nothing not registered.");
        assertThat(ConfigStore.serves("ltm/pool/~Common~a")).isTrue();
        assertThat(ConfigStore.isSubCollection("ltm/pool/~Common~a/members")).isTrue();
        assertThat(ConfigStore.isSubCollection("ltm/pool/~Common~a")).isFalse();
    }
}
