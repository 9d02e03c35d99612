package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.Store.base;
import static io.hakit.citrix.sim.internal.Store.obj;
import static io.hakit.citrix.sim.internal.Store.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store as the handler and CitrixSimulator use it: all or nothing, copies, snapshots. */
class NitroStoreTest {

    @Test
    void anAddNitroRefusesChangesNothing() {
        NitroStore s = base();
        ObjectNode before = s.snapshot();

        refused(() -> s.add("server", obj(Map.of("name", "other", "ipaddress", "10.0.0.1")), false),
                1335, 409, "Server already exists [10.0.0.1]");
        refused(() -> s.add("server", obj(Map.of("name", "srv", "ipaddress", "10.0.0.9")), false),
                273, 409, "Resource already exists");
        refused(() -> s.add("lbvserver", obj(Map.of("name", "vs2", "servicetype", "SSL", "ipv46", "10.0.1.2")), false),
                1095, 400, "Required argument missing [port]");
        refused(() -> s.add("lbvserver", obj(Map.of("name", "vs2", "servicetype", "HTTP", "backupvserver", "none")),
                false), 258, 404, "No such resource [backupVServer, none]");
        refused(() -> s.add("server", obj(Map.of("name", "s3", "ipaddress", "10.0.0.3", "nosuch", "x")), false),
                278, 400, "Invalid argument [nosuch]");

        assertThat(s.snapshot()).isEqualTo(before);
        assertThat(s.snapshot().has("sslvserver")).as("the twin of vs only").isTrue();
        assertThat(s.snapshot().get("sslvserver")).hasSize(1);
    }

    @Test
    void anIdempotentAddOfAnExistingObjectUpdatesIt() {
        NitroStore s = base();
        s.add("server", obj(Map.of("name", "srv", "ipaddress", "10.0.0.1", "comment", "again")), true);
        assertThat(s.read("server", "srv").get(0).path("comment").asText()).isEqualTo("again");
        refused(() -> s.add("servicegroup", obj(Map.of("servicegroupname", "sg", "servicetype", "HTTP")), true),
                278, 400, "Invalid argument [servicetype]");
    }

    @Test
    void restorePutsBackTheCopyAndTheCopyIsDeep() {
        NitroStore s = base();
        s.add("servicegroup_servicegroupmember_binding", obj(Map.of("servicegroupname", "sg", "servername", "srv",
                "port", 443)), false);
        NitroStore saved = s.copy();
        ObjectNode before = s.snapshot();

        s.add("server", obj(Map.of("name", "s2", "ipaddress", "10.0.0.2")), false);
        s.action("server", "disable", obj(Map.of("name", "srv")));
        s.action("servicegroup", "disable", obj(Map.of("servicegroupname", "sg", "servername", "srv", "port", 443)));
        s.addFile(Store.file("other.pem", "x"));
        assertThat(saved.snapshot()).as("changes to the store do not reach the copy").isEqualTo(before);

        s.restore(saved);
        assertThat(s.snapshot()).isEqualTo(before);
        s.action("servicegroup", "disable", obj(Map.of("servicegroupname", "sg", "servername", "srv", "port", 443)));
        s.add("server", obj(Map.of("name", "s2", "ipaddress", "10.0.0.2")), false);
        assertThat(saved.snapshot()).as("restoring does not share rows with the copy").isEqualTo(before);
    }

    @Test
    void theSnapshotIsSortedWhateverTheOrderOfAdding() {
        NitroStore a = new NitroStore();
        NitroStore b = new NitroStore();
        a.add("server", obj(Map.of("name", "zeta", "ipaddress", "10.0.0.2", "comment", "c")), false);
        a.add("server", obj(Map.of("name", "alpha", "ipaddress", "10.0.0.1")), false);
        a.add("nstcpprofile", obj(Map.of("name", "tcp")), false);
        b.add("nstcpprofile", obj(Map.of("name", "tcp")), false);
        b.add("server", obj(Map.of("name", "alpha", "ipaddress", "10.0.0.1")), false);
        b.add("server", obj(Map.of("comment", "c", "ipaddress", "10.0.0.2", "name", "zeta")), false);

        assertThat(a.snapshot().toString()).isEqualTo(b.snapshot().toString());
        assertThat(names(a.snapshot())).containsExactly("nstcpprofile", "server");
        assertThat(a.snapshot().get("server").get(0).path("name").asText()).isEqualTo("alpha");
        assertThat(names(a.snapshot().get("server").get(1))).isSorted();
    }

    @Test
    void aReadShowsNumbersAsStringsAndLeavesSecretsOut() {
        NitroStore s = base();
        JsonNode vs = s.read("lbvserver", "vs").get(0);
        assertThat(vs.path("port").isNumber()).as("a number on the wire, as the ADC shows it").isTrue();
        assertThat(vs.path("clttimeout").isTextual()).isTrue();
        assertThat(vs.path("clttimeout").asText()).isEqualTo(s.snapshot().at("/lbvserver/0/clttimeout").asText());
        assertThat(vs.has("state")).as("NITRO shows the current state, not the configured one").isFalse();
        assertThat(vs.path("curstate").asText()).as("no server certificate bound yet").isEqualTo("DOWN");
        s.add("sslvserver_sslcertkey_binding", obj(Map.of("vservername", "vs", "certkeyname", "ck")), false);
        assertThat(s.read("lbvserver", "vs").get(0).path("curstate").asText()).isEqualTo("UP");
        s.add("lbmonitor", obj(Map.of("monitorname", "ldap", "type", "LDAP", "password", "secret")), false);
        assertThat(s.read("lbmonitor", "ldap").get(0).has("password")).isFalse();
        assertThat(s.snapshot().toString()).as("stored all the same").contains("secret");
        refused(() -> s.read("lbvserver", "nope"), 258, 404, "No such resource [name, nope]");
        refused(() -> s.read("sslvserver", "nope"), 461, 404, "No such Vserver [nope]");
    }

    @Test
    void anUnknownResourceIs258() {
        refused(() -> new NitroStore().read("nosuchthing", null), 258, 404, "No such resource [resource, nosuchthing]");
        assertThat(NitroStore.parentKey("lbvserver_servicegroup_binding")).isEqualTo("name");
        assertThat(NitroStore.parentKey("lbvserver")).isNull();
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
