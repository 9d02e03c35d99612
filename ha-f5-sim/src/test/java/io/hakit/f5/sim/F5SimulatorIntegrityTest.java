package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.SimulatorException;
import io.hakit.test.F5SimulatorTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@F5SimulatorTest
class F5SimulatorIntegrityTest {
    private F5Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        http = SimHttp.loggedIn(sim);
    }

    @Test
    void virtualNamingAMissingPoolProfileOrPersistenceIsRefused() {
        SimHttp.Resp pool = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"nope\"}");
        assertThat(pool.status()).isEqualTo(400);
        assertThat(pool.message()).isEqualTo("01020036:3: The requested Pool (/Common/nope) was not found.");
        SimHttp.Resp profile = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\","
                + "\"profiles\":[{\"name\":\"tcp-1860\",\"partition\":\"Common\"}]}");
        assertThat(profile.message()).isEqualTo("01020036:3: The requested Profile (/Common/tcp-1860) was not found.");
        SimHttp.Resp persist = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\","
                + "\"persist\":[{\"name\":\"src-1800\"}]}");
        assertThat(persist.message()).isEqualTo("01020036:3: The requested Persistence Profile (/Common/src-1800) was not found.");
        assertThat(http.get("/mgmt/tm/ltm/virtual").json().has("items")).isFalse();
        http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\"}");
        assertThat(http.patch("/mgmt/tm/ltm/virtual/~Common~vs", "{\"pool\":\"/Common/nope\"}").status()).isEqualTo(400);
        assertThat(http.get("/mgmt/tm/ltm/virtual/~Common~vs").json().has("pool")).isFalse();
    }

    @Test
    void poolNamingAMissingMonitorOrNodeIsRefused() {
        SimHttp.Resp mon = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"monitor\":\"/Common/hakit-https\"}");
        assertThat(mon.status()).isEqualTo(400);
        assertThat(mon.message()).isEqualTo("01020036:3: The requested Monitor (/Common/hakit-https) was not found.");
        SimHttp.Resp node = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"members\":[{\"name\":\"app1:7001\"}]}");
        assertThat(node.message()).isEqualTo("01020036:3: The requested Node (/Common/app1) was not found.");
        http.post("/mgmt/tm/ltm/node", "{\"name\":\"app1\",\"fqdn\":{\"tmName\":\"app1.example\"}}");
        http.post("/mgmt/tm/ltm/monitor/https", "{\"name\":\"hakit-https\"}");
        SimHttp.Resp ok = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"monitor\":\"hakit-https and /Common/tcp\","
                + "\"members\":[{\"name\":\"app1:7001\"}]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("monitor").asText()).isEqualTo("/Common/hakit-https and /Common/tcp");
        JsonNode member = http.get("/mgmt/tm/ltm/pool/~Common~p/members/~Common~app1:7001").json();
        assertThat(member.path("fqdn").path("tmName").asText()).isEqualTo("app1.example");
    }

    @Test
    void systemMonitorsAndProfilesCanBeReferenced() {
        SimHttp.Resp pool = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"monitor\":\"min 1 of { /Common/http /Common/inband }\"}");
        assertThat(pool.status()).isEqualTo(200);
        assertThat(pool.json().path("monitor").asText()).isEqualTo("min 1 of { /Common/http /Common/inband }");
        assertThat(http.post("/mgmt/tm/ltm/node", "{\"name\":\"n\",\"address\":\"10.0.0.1\",\"monitor\":\"/Common/icmp\"}")
                .status()).isEqualTo(200);
        assertThat(http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:80\","
                + "\"profiles\":[\"/Common/tcp\",\"/Common/http\"]}").status()).isEqualTo(200);
    }

    @Test
    void deletingAPoolInUseByAVirtualIsRefusedWithF5sMessage() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
        http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"pool\":\"/Common/web\"}");
        SimHttp.Resp r = http.delete("/mgmt/tm/ltm/pool/~Common~web");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("01070265:3: The Pool (/Common/web) cannot be deleted because it is in use by a "
                + "Virtual Server (/Common/vs).");
        assertThat(http.patch("/mgmt/tm/ltm/virtual/~Common~vs", "{\"pool\":\"none\"}").status()).isEqualTo(200);
        assertThat(http.delete("/mgmt/tm/ltm/pool/~Common~web").status()).isEqualTo(200);
    }

    @Test
    void deletingANodeUsedByAMemberIsRefusedWith01070110() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\",\"members\":[{\"name\":\"10.0.0.11:7001\"}]}");
        SimHttp.Resp r = http.delete("/mgmt/tm/ltm/node/~Common~10.0.0.11");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("01070110:3: Node address '/Common/10.0.0.11' is referenced by a member of pool "
                + "'/Common/web'.");
        http.delete("/mgmt/tm/ltm/pool/~Common~web");
        assertThat(http.get("/mgmt/tm/ltm/node/~Common~10.0.0.11").status()).as("deleting a pool leaves its nodes").isEqualTo(200);
        assertThat(http.delete("/mgmt/tm/ltm/node/~Common~10.0.0.11").status()).isEqualTo(200);
    }

    @Test
    void deletingAMonitorOrProfileInUseIsRefused() {
        http.post("/mgmt/tm/ltm/monitor/https", "{\"name\":\"m\"}");
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\",\"monitor\":\"/Common/m\"}");
        SimHttp.Resp mon = http.delete("/mgmt/tm/ltm/monitor/https/~Common~m");
        assertThat(mon.status()).isEqualTo(400);
        assertThat(mon.message()).isEqualTo("01070083:3: Monitor /Common/m is in use.");
        http.post("/mgmt/tm/ltm/profile/tcp", "{\"name\":\"tcp-1860\",\"idleTimeout\":1860}");
        http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs\",\"destination\":\"10.0.0.1:443\",\"profiles\":[\"tcp-1860\"]}");
        assertThat(http.delete("/mgmt/tm/ltm/profile/tcp/~Common~tcp-1860").message())
                .isEqualTo("01070265:3: The TCP Profile (/Common/tcp-1860) cannot be deleted because it is in use by a "
                        + "Virtual Server (/Common/vs).");
    }

    @Test
    void directApiValidatesLikeHttpAndThrowsSimulatorException() {
        sim.create("/mgmt/tm/ltm/pool", Map.of("name", "web", "members", List.of(Map.of("name", "10.0.0.11:7001"))));
        sim.create("/mgmt/tm/ltm/virtual", Map.of("name", "vs", "destination", "10.0.0.1:443", "pool", "web"));
        assertThatThrownBy(() -> sim.delete("/mgmt/tm/ltm/pool/~Common~web"))
                .isInstanceOfSatisfying(SimulatorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.vendorCode()).isEqualTo("01070265");
                    assertThat(e.vendorMessage()).startsWith("01070265:3: The Pool (/Common/web) cannot be deleted");
                });
        assertThatThrownBy(() -> sim.create("/mgmt/tm/ltm/pool", Map.of("name", "web")))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.status()).isEqualTo(409));
        sim.modify("/mgmt/tm/ltm/pool/~Common~web", Map.of("description", "drift"));
        assertThat(http.get("/mgmt/tm/ltm/pool/~Common~web").json().path("description").asText()).isEqualTo("drift");
        sim.create("/mgmt/tm/ltm/pool/~Common~web/members", Map.of("name", "10.0.0.12:7001"));
        assertThat(http.get("/mgmt/tm/ltm/pool/~Common~web/members").json().path("items")).hasSize(2);
        assertThat(sim.writeCount()).as("direct changes are not requests").isZero();
    }

    @Test
    void aRefusedChangeLeavesNothingBehind() {
        JsonNode before = sim.snapshot();
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\",\"monitor\":\"/Common/missing\","
                + "\"members\":[{\"name\":\"10.9.9.9:80\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(sim.snapshot()).as("not even the auto-created node").isEqualTo(before);
    }
}
