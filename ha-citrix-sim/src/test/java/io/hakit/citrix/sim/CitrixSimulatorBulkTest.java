package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.test.CitrixSimulatorTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Homogeneous bulk arrays and macroapi, in each X-NITRO-ONERROR mode. */
@CitrixSimulatorTest
class CitrixSimulatorBulkTest {
    private static final String DONE = "{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\"}";
    private static final String EXISTS = "{\"errorcode\":273,\"message\":\"Resource already exists\",\"severity\":\"ERROR\"}";

    private CitrixSimulator sim;
    private Nitro n;

    @BeforeEach
    void start() {
        n = new Nitro(sim.url()).login();
        ok(n.add("server", Map.of("name", "app2", "ipaddress", "10.0.0.12")));
    }

    private static String servers(String... names) {
        StringBuilder b = new StringBuilder("{\"server\":[");
        for (int i = 0; i < names.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(names[i]).append("\",\"ipaddress\":\"10.0.0.")
                    .append(names[i].substring(3)).append("\"}");
        }
        return b.append("]}").toString();
    }

    private List<String> serverNames() {
        return n.get("server").body().path("server").findValuesAsText("name");
    }

    @Test
    void aBulkAddThatSucceedsIs201AndCountsAsOneWrite() {
        int before = sim.writeCount();
        Nitro.Resp r = n.post("server", servers("app1", "app3", "app4"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().toString()).isEqualTo(DONE);
        assertThat(serverNames()).containsExactly("app1", "app2", "app3", "app4");
        assertThat(sim.writeCount()).isEqualTo(before + 1);
    }

    @Test
    void exitStopsAtTheFirstErrorKeepsWhatWasDoneAndReportsOnlyTheFailedItem() {
        Nitro.Resp r = n.post("server", servers("app1", "app2", "app3"));
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.body().toString()).isEqualTo("{\"errorcode\":1243,\"message\":\"Bulk operation failed\","
                + "\"severity\":\"ERROR\",\"response\":[" + EXISTS + "]}");
        assertThat(serverNames()).containsExactly("app1", "app2");

        assertThat(n.onerror("EXIT").post("server", servers("app3", "app2")).status()).isEqualTo(207);
        assertThat(serverNames()).containsExactly("app1", "app2", "app3");
    }

    @Test
    void continueRunsEveryItemAndReportsEachInOrder() {
        Nitro.Resp r = n.onerror("continue").post("server", servers("app1", "app2", "app3"));
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.body().toString()).isEqualTo("{\"errorcode\":1243,\"message\":\"Bulk operation failed\","
                + "\"severity\":\"ERROR\",\"response\":[" + DONE + "," + EXISTS + "," + DONE + "]}");
        assertThat(serverNames()).containsExactly("app1", "app2", "app3");
    }

    @Test
    void rollbackUndoesEveryAddOfTheRequest() {
        JsonNode before = sim.snapshot();
        Nitro.Resp r = n.onerror("rollback").post("server", servers("app1", "app3", "app2", "app4"));
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.body().path("errorcode").asInt()).isEqualTo(1243);
        assertThat(r.body().path("response")).hasSize(1);
        assertThat(r.body().at("/response/0/errorcode").asInt()).isEqualTo(273);
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void rollbackOfBindsRestoresTheExactPriorState() {
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg", "servicetype", "SSL")));
        ok(n.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11")));
        JsonNode before = sim.snapshot();
        String body = "{\"servicegroup_servicegroupmember_binding\":["
                + "{\"servicegroupname\":\"sg\",\"servername\":\"app1\",\"port\":7001},"
                + "{\"servicegroupname\":\"sg\",\"ip\":\"10.0.0.99\",\"port\":7001},"
                + "{\"servicegroupname\":\"sg\",\"servername\":\"app9\",\"port\":7001}]}";
        Nitro.Resp r = n.onerror("rollback").put("servicegroup_servicegroupmember_binding", body);
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.body().at("/response/0/errorcode").asInt()).isEqualTo(258);
        assertThat(sim.snapshot()).as("the server the ADC made for 10.0.0.99 is gone too").isEqualTo(before);
    }

    @Test
    void rollbackAppliesOnlyToAddAndBindSoAnUpdateStopsAsExit() {
        ok(n.post("server", servers("app1", "app3")));
        String body = "{\"server\":[{\"name\":\"app1\",\"comment\":\"a\"},{\"name\":\"nope\",\"comment\":\"b\"},"
                + "{\"name\":\"app3\",\"comment\":\"c\"}]}";
        Nitro.Resp r = n.onerror("rollback").put("server", body);
        assertThat(r.status()).isEqualTo(207);
        assertThat(n.get("server/app1").body().at("/server/0/comment").asText()).isEqualTo("a");
        assertThat(n.get("server/app3").body().at("/server/0").has("comment")).isFalse();
    }

    @Test
    void bulkActionsAndUpdates() {
        ok(n.post("server", servers("app1", "app3")));
        Nitro.Resp r = n.post("server?action=disable", "{\"server\":[{\"name\":\"app1\"},{\"name\":\"app3\"}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(n.get("server?filter=state:DISABLED").body().path("server")).hasSize(2);
        assertThat(n.put("server", "{\"server\":[{\"name\":\"app1\",\"comment\":\"x\"},{\"name\":\"app3\",\"comment\":\"y\"}]}")
                .status()).isEqualTo(200);
        assertThat(n.get("server/app3").body().at("/server/0/comment").asText()).isEqualTo("y");
    }

    @Test
    void anInvalidOnerrorModeIsRefused() {
        assertThat(n.onerror("sometimes").post("server", servers("app1")).errorcode()).isEqualTo(1097);
    }

    private static final String MACRO = "{"
            + "\"server\":[{\"name\":\"app1\",\"ipaddress\":\"10.0.0.11\"}],"
            + "\"lbmonitor\":{\"monitorname\":\"mon\",\"type\":\"HTTP-ECV\",\"secure\":\"YES\",\"recv\":\"UP\"},"
            + "\"servicegroup\":[{\"servicegroupname\":\"sg\",\"servicetype\":\"SSL\"}],"
            + "\"servicegroup_servicegroupmember_binding\":[{\"servicegroupname\":\"sg\",\"servername\":\"app1\",\"port\":7001},"
            + "{\"servicegroupname\":\"sg\",\"servername\":\"app2\",\"port\":7001}],"
            + "\"servicegroup_lbmonitor_binding\":[{\"servicegroupname\":\"sg\",\"monitor_name\":\"mon\"}],"
            + "\"lbvserver\":[{\"name\":\"vs_standby\",\"servicetype\":\"TCP\"},"
            + "{\"name\":\"vs\",\"servicetype\":\"TCP\",\"ipv46\":\"10.0.1.20\",\"port\":2244,\"backupvserver\":\"vs_standby\"}],"
            + "\"lbvserver_servicegroup_binding\":[{\"name\":\"vs\",\"servicegroupname\":\"sg\"}]"
            + "}";

    @Test
    void macroapiAddsSeveralTypesInBodyOrderAsOneWrite() {
        int before = sim.writeCount();
        Nitro.Resp r = n.onerror("rollback").post("macroapi", MACRO);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
        assertThat(sim.writeCount()).isEqualTo(before + 1);
        assertThat(n.get("lbvserver/vs").body().at("/lbvserver/0/backupvserver").asText()).isEqualTo("vs_standby");
        assertThat(n.get("servicegroup_servicegroupmember_binding/sg").body()
                .path("servicegroup_servicegroupmember_binding")).hasSize(2);
    }

    @Test
    void macroapiRollbackRestoresTheExactPriorSnapshot() {
        ok(n.add("lbmonitor", Map.of("monitorname", "mon", "type", "TCP")));
        JsonNode before = sim.snapshot();
        Nitro.Resp r = n.onerror("rollback").post("macroapi", MACRO);
        assertThat(r.status()).isEqualTo(207);
        assertThat(r.body().toString()).isEqualTo("{\"errorcode\":1243,\"message\":\"Bulk operation failed\","
                + "\"severity\":\"ERROR\",\"response\":[" + EXISTS + "]}");
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void macroapiContinueReportsEveryItem() {
        ok(n.add("lbmonitor", Map.of("monitorname", "mon", "type", "TCP")));
        Nitro.Resp r = n.onerror("continue").post("macroapi", MACRO);
        assertThat(r.status()).isEqualTo(207);
        JsonNode items = r.body().path("response");
        assertThat(items).hasSize(9);
        assertThat(items.findValuesAsText("errorcode")).containsExactly("0", "273", "0", "0", "0", "0", "0", "0", "0");
    }

    @Test
    void macroapiExitKeepsWhatCameBeforeTheFailure() {
        ok(n.add("lbmonitor", Map.of("monitorname", "mon", "type", "TCP")));
        assertThat(n.post("macroapi", MACRO).status()).isEqualTo(207);
        assertThat(serverNames()).containsExactly("app1", "app2");
        assertThat(n.get("servicegroup").body().has("servicegroup")).isFalse();
    }

    @Test
    void macroapiRemoveDeletesAndUnbindsInBodyOrder() {
        ok(n.post("macroapi", MACRO));
        String remove = "{"
                + "\"lbvserver_servicegroup_binding\":[{\"name\":\"vs\",\"servicegroupname\":\"sg\"}],"
                + "\"lbvserver\":[{\"name\":\"vs\"},{\"name\":\"vs_standby\"}],"
                + "\"servicegroup_lbmonitor_binding\":[{\"servicegroupname\":\"sg\",\"monitor_name\":\"mon\"}],"
                + "\"lbmonitor\":[{\"monitorname\":\"mon\",\"type\":\"HTTP-ECV\"}],"
                + "\"servicegroup\":[{\"servicegroupname\":\"sg\"}],"
                + "\"server\":[{\"name\":\"app1\"}]}";
        Nitro.Resp r = n.post("macroapi?action=remove", remove);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(serverNames()).containsExactly("app2");
        assertThat(n.get("lbvserver").body().has("lbvserver")).isFalse();
    }

    @Test
    void macroapiRefusesAnUnknownActionOrEmptyBody() {
        assertThat(n.post("macroapi?action=update", MACRO).errorcode()).isEqualTo(1097);
        assertThat(n.post("macroapi", "{}").errorcode()).isEqualTo(1095);
    }

    @Test
    void updatesUndoneByUpdateUnsetAndEnableRestoreTheExactSnapshot() {
        ok(n.add("lbvserver", Map.of("name", "vs_b", "servicetype", "SSL")));
        ok(n.add("lbvserver", Map.of("name", "vs", "servicetype", "SSL", "ipv46", "10.0.1.10", "port", 443)));
        ok(n.add("lbmonitor", Map.of("monitorname", "mon", "type", "HTTP-ECV")));
        JsonNode before = sim.snapshot();

        ok(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "vs", "clttimeout", 3600, "backupvserver", "vs_b",
                "lbmethod", "ROUNDROBIN"))));
        ok(n.put("lbmonitor", Nitro.wrap("lbmonitor", Map.of("monitorname", "mon", "type", "HTTP-ECV", "interval", 120,
                "respcode", List.of("200")))));
        ok(n.post("lbvserver?action=disable", Nitro.wrap("lbvserver", Map.of("name", "vs"))));
        ok(n.put("server", Nitro.wrap("server", Map.of("name", "app2", "comment", "hakit"))));
        assertThat(sim.snapshot()).isNotEqualTo(before);

        ok(n.post("lbvserver?action=unset", Nitro.wrap("lbvserver", Map.of("name", "vs", "clttimeout", true,
                "backupvserver", true))));
        ok(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "vs", "lbmethod", "leastconnection"))));
        ok(n.put("lbmonitor", Nitro.wrap("lbmonitor", Map.of("monitorname", "mon", "type", "HTTP-ECV", "interval", "5"))));
        ok(n.post("lbmonitor?action=unset", Nitro.wrap("lbmonitor", Map.of("monitorname", "mon", "respcode", true))));
        ok(n.post("lbvserver?action=enable", Nitro.wrap("lbvserver", Map.of("name", "vs"))));
        ok(n.post("server?action=unset", Nitro.wrap("server", Map.of("name", "app2", "comment", true))));
        assertThat(sim.snapshot()).isEqualTo(before);
    }
}
