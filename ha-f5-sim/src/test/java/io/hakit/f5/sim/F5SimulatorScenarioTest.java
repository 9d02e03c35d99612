package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deployment shaped like the guide's (HTTPS farms, an HL7 pool in priority-group activation,
 * GTM) applied in one transaction, with a fault at every request of the run.
 */
class F5SimulatorScenarioTest {

    private static List<String[]> commands() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"/mgmt/tm/ltm/monitor/https", "{\"name\":\"idm-https\",\"send\":\"GET /health HTTP/1.1\\r\\n"
                + "Host: idm\\r\\n\\r\\n\",\"recv\":\"200 OK\",\"interval\":5,\"timeout\":16,\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/ltm/node", "{\"name\":\"app1.hospital.example\",\"fqdn\":{\"tmName\":\"app1.hospital.example\"},"
                + "\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/ltm/node", "{\"name\":\"app2.hospital.example\",\"fqdn\":{\"tmName\":\"app2.hospital.example\"},"
                + "\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/ltm/pool", "{\"name\":\"idm-7001\",\"monitor\":\"/Common/idm-https\",\"description\":\"hakit\","
                + "\"members\":[{\"name\":\"app1.hospital.example:7001\"},{\"name\":\"app2.hospital.example:7001\"}]}"});
        c.add(new String[] {"/mgmt/tm/ltm/pool", "{\"name\":\"idm-hl7\",\"monitor\":\"/Common/tcp\",\"minActiveMembers\":1,"
                + "\"description\":\"hakit\",\"members\":[{\"name\":\"app1.hospital.example:2244\",\"priorityGroup\":10},"
                + "{\"name\":\"app2.hospital.example:2244\",\"priorityGroup\":5}]}"});
        c.add(new String[] {"/mgmt/tm/ltm/profile/tcp", "{\"name\":\"idm-tcp\",\"defaultsFrom\":\"/Common/tcp\",\"idleTimeout\":1860,"
                + "\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/ltm/persistence/source-addr", "{\"name\":\"idm-src\",\"timeout\":\"1860\","
                + "\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/ltm/virtual", "{\"name\":\"idm-7001\",\"destination\":\"/Common/192.0.2.10:7001\","
                + "\"ipProtocol\":\"tcp\",\"pool\":\"/Common/idm-7001\",\"profiles\":[{\"name\":\"idm-tcp\",\"context\":\"all\"},"
                + "{\"name\":\"clientssl\"},{\"name\":\"serverssl\"}],\"persist\":[{\"name\":\"idm-src\"}],"
                + "\"sourceAddressTranslation\":{\"type\":\"automap\"},\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/ltm/virtual", "{\"name\":\"idm-hl7\",\"destination\":\"/Common/192.0.2.11:2244\","
                + "\"ipProtocol\":\"tcp\",\"pool\":\"/Common/idm-hl7\",\"profiles\":[{\"name\":\"idm-tcp\"}],"
                + "\"sourceAddressTranslation\":{\"type\":\"automap\"},\"description\":\"hakit\"}"});
        c.add(new String[] {"/mgmt/tm/gtm/datacenter", "{\"name\":\"dc1\"}"});
        c.add(new String[] {"/mgmt/tm/gtm/server", "{\"name\":\"bigip1\",\"datacenter\":\"/Common/dc1\",\"addresses\":"
                + "[{\"name\":\"192.0.2.2\",\"deviceName\":\"bigip1\"}],\"virtualServers\":[{\"name\":\"idm-7001\","
                + "\"destination\":\"192.0.2.10:7001\"}]}"});
        c.add(new String[] {"/mgmt/tm/gtm/pool/a", "{\"name\":\"idm\",\"members\":[{\"name\":\"bigip1:idm-7001\"}]}"});
        c.add(new String[] {"/mgmt/tm/gtm/wideip/a", "{\"name\":\"idm.hospital.example\",\"pools\":[{\"name\":\"idm\"}]}"});
        return c;
    }

    /** Login, one transaction, commit, save, logout; stops at the first answer that is not 200. */
    private static boolean apply(F5Simulator sim) {
        SimHttp http = new SimHttp(sim.url());
        try {
            if (http.login("admin", "admin").status() != 200) {
                return false;
            }
            try {
                SimHttp.Resp t = http.post("/mgmt/tm/transaction", "{}");
                if (t.status() != 200) {
                    return false;
                }
                String id = t.json().path("transId").asText();
                http.header("X-F5-REST-Coordination-Id", id);
                for (String[] c : commands()) {
                    if (http.post(c[0], c[1]).status() != 200) {
                        return false;
                    }
                }
                http.header("X-F5-REST-Coordination-Id", null);
                if (http.patch("/mgmt/tm/transaction/" + id, "{\"state\":\"VALIDATING\"}").status() != 200) {
                    return false;
                }
                return http.post("/mgmt/tm/sys/config", "{\"command\":\"save\"}").status() == 200;
            } finally {
                http.header("X-F5-REST-Coordination-Id", null);
                for (int i = 0; i < 3 && sim.activeTokens("admin") > 0; i++) {
                    try {
                        http.delete("/mgmt/shared/authz/tokens/" + http.token());
                    } catch (UncheckedIOException e) {
                        // a reset: try again
                    }
                }
            }
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Test
    void theDeploymentAppliesInOneTransactionWithPriorityGroups() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            assertThat(apply(sim)).isTrue();
            assertThat(sim.transactionsCommitted()).isEqualTo(1);
            assertThat(sim.configSaves()).isEqualTo(1);
            assertThat(sim.activeTokens("admin")).isZero();
            SimHttp http = SimHttp.loggedIn(sim);
            JsonNode members = http.get("/mgmt/tm/ltm/pool/~Common~idm-hl7?expandSubcollections=true").json()
                    .path("membersReference").path("items");
            assertThat(members.get(0).path("priorityGroup").asInt()).isEqualTo(10);
            assertThat(members.get(1).path("priorityGroup").asInt()).isEqualTo(5);
            JsonNode vs = http.get("/mgmt/tm/ltm/virtual/~Common~idm-7001?expandSubcollections=true").json();
            assertThat(vs.path("profilesReference").path("items")).extracting(p -> p.path("context").asText())
                    .containsExactly("all", "clientside", "serverside");
            assertThat(sim.writeCount()).as("transaction + 13 commands + commit + save").isEqualTo(16);
        }
    }

    @Test
    void aFaultAtAnyRequestLeavesTheDeviceExactlyAsBefore() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            JsonNode before = sim.snapshot();
            int requests = 1 + 1 + commands().size() + 1;
            for (int k = 1; k <= requests; k++) {
                sim.faults().failRequest(k, 503, "The connection to mcpd has been lost, try again.");
                assertThat(apply(sim)).as("fault at request %d", k).isFalse();
                sim.faults().clear();
                assertThat(sim.snapshot()).as("fault at request %d", k).isEqualTo(before);
                sim.faults().resetRequest(k);
                assertThat(apply(sim)).as("reset at request %d", k).isFalse();
                sim.faults().clear();
                assertThat(sim.snapshot()).as("reset at request %d", k).isEqualTo(before);
            }
            sim.faults().failCommit("01070734:3: Configuration error: simulated");
            assertThat(apply(sim)).isFalse();
            assertThat(sim.snapshot()).isEqualTo(before);
            assertThat(sim.activeTokens("admin")).isZero();
            assertThat(apply(sim)).as("a clean run converges").isTrue();
            assertThat(sim.snapshot()).isNotEqualTo(before);
        }
    }
}
