package io.hakit.citrix.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.hakit.sim.SimulatorException;
import io.hakit.test.ThrowawayCa;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The attribute lists are those of vendor notes section 4: list sizes as the notes count them,
 * every listed attribute accepted, and the notes' response-only and Terraform-only names refused
 * with 278.
 */
class SchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThrowawayCa CA = ThrowawayCa.create("Schema CA");

    /** resource, add, update, unset (the bracketed counts of the notes; -1 where the notes give none) */
    static Stream<Arguments> counts() {
        return Stream.of(
                Arguments.of("server", 10, 7, 2),
                Arguments.of("servicegroup", 39, 42, 41),
                Arguments.of("servicegroup_servicegroupmember_binding", 12, -1, -1),
                Arguments.of("servicegroup_lbmonitor_binding", 11, -1, -1),
                Arguments.of("lbvserver", 102, 100, 92),
                Arguments.of("lbvserver_servicegroup_binding", 5, -1, -1),
                Arguments.of("sslvserver", 0, 42, 41),
                Arguments.of("sslvserver_sslcertkey_binding", 7, -1, -1),
                Arguments.of("sslservicegroup", 0, 16, 16),
                Arguments.of("sslservicegroup_sslcertkey_binding", 6, -1, -1),
                Arguments.of("sslcertkey", 12, 4, 4),
                Arguments.of("lbmonitor", 103, 106, 92),
                Arguments.of("nstcpprofile", 59, 59, 59));
    }

    @ParameterizedTest
    @MethodSource("counts")
    void listSizesAreTheNotes(String resource, int add, int update, int unset) {
        ResourceDef d = Schema.get(resource);
        assertThat(d.add).hasSize(add);
        if (update >= 0) {
            assertThat(d.update).hasSize(update);
            assertThat(d.unset).hasSize(unset);
        }
    }

    /** a store holding every object the bindings need */
    private static NitroStore base() {
        NitroStore s = new NitroStore();
        ThrowawayCa.Issued leaf = CA.issueServer("x.test");
        s.addFile(file("c.pem", leaf.chainPem()));
        s.addFile(file("c.key", leaf.privateKeyPem()));
        s.add("sslcertkey", obj(Map.of("certkey", "ck", "cert", "c.pem", "key", "c.key")), false);
        s.add("server", obj(Map.of("name", "srv", "ipaddress", "10.0.0.1")), false);
        s.add("servicegroup", obj(Map.of("servicegroupname", "sg", "servicetype", "SSL")), false);
        s.add("lbmonitor", obj(Map.of("monitorname", "mon", "type", "HTTP")), false);
        s.add("lbvserver", obj(Map.of("name", "vs", "servicetype", "SSL")), false);
        s.add("nstcpprofile", obj(Map.of("name", "tcp")), false);
        return s;
    }

    private static ObjectNode file(String name, String text) {
        return obj(Map.of("filename", name, "filelocation", "/nsconfig/ssl/",
                "filecontent", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    }

    private static ObjectNode obj(Map<String, Object> m) {
        return JSON.valueToTree(m);
    }

    /** the minimal valid body of each resource (new names, so the add itself is legal) */
    private static final Map<String, Map<String, Object>> MINIMAL = Map.ofEntries(
            Map.entry("server", Map.of("name", "s2", "ipaddress", "10.0.0.2")),
            Map.entry("servicegroup", Map.of("servicegroupname", "sg2", "servicetype", "HTTP")),
            Map.entry("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg", "servername", "srv",
                    "port", 80)),
            Map.entry("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "sg", "monitor_name", "mon")),
            Map.entry("lbmonitor", Map.of("monitorname", "mon2", "type", "HTTP")),
            Map.entry("lbvserver", Map.of("name", "vs2", "servicetype", "HTTP")),
            Map.entry("lbvserver_servicegroup_binding", Map.of("name", "vs", "servicegroupname", "sg")),
            Map.entry("sslvserver_sslcertkey_binding", Map.of("vservername", "vs", "certkeyname", "ck")),
            Map.entry("sslservicegroup_sslcertkey_binding", Map.of("servicegroupname", "sg", "certkeyname", "ck")),
            Map.entry("sslcertkey", Map.of("certkey", "ck2", "cert", "c.pem")),
            Map.entry("nstcpprofile", Map.of("name", "tcp2")));

    /** the key of an existing object of each resource, for updates */
    private static final Map<String, Map<String, Object>> EXISTING = Map.of(
            "server", Map.of("name", "srv"),
            "servicegroup", Map.of("servicegroupname", "sg"),
            "lbmonitor", Map.of("monitorname", "mon", "type", "HTTP"),
            "lbvserver", Map.of("name", "vs"),
            "sslvserver", Map.of("vservername", "vs"),
            "sslservicegroup", Map.of("servicegroupname", "sg"),
            "sslcertkey", Map.of("certkey", "ck"),
            "nstcpprofile", Map.of("name", "tcp"));

    private static JsonNode sample(ResourceDef d, String attr) {
        Attr t = d.type(attr);
        switch (t.type) {
            case INT:
                return LongNode.valueOf(Math.max(t.min, Math.min(t.max, 1)));
            case ENUM:
                return TextNode.valueOf(t.values.values().iterator().next());
            case BOOL:
                return BooleanNode.TRUE;
            case LIST:
                return JSON.createArrayNode().add("200");
            default:
                return TextNode.valueOf("x");
        }
    }

    private static void notRefusedAsInvalidArgument(String what, Runnable r, String attr) {
        try {
            r.run();
        } catch (SimulatorException e) {
            assertThat(e.vendorCode().equals("278") && e.vendorMessage().equals("Invalid argument [" + attr + "]"))
                    .as(what + " " + attr + ": " + e.getMessage()).isFalse();
        }
    }

    @Test
    void everyListedAttributeIsTakenByItsOperation() {
        NitroStore base = base();
        int tried = 0;
        for (ResourceDef d : Schema.all()) {
            for (String attr : d.add) {
                if (MINIMAL.containsKey(d.name)) {
                    ObjectNode item = obj(MINIMAL.get(d.name));
                    item.set(attr, item.has(attr) ? item.get(attr) : sample(d, attr));
                    NitroStore s = base.copy();
                    notRefusedAsInvalidArgument(d.name + " add", () -> s.add(d.name, item, false), attr);
                    tried++;
                }
            }
            if (!d.isBinding()) {
                for (String attr : d.update) {
                    ObjectNode item = obj(EXISTING.get(d.name));
                    item.set(attr, item.has(attr) ? item.get(attr) : sample(d, attr));
                    NitroStore s = base.copy();
                    notRefusedAsInvalidArgument(d.name + " update", () -> s.update(d.name, item, null), attr);
                    tried++;
                }
                for (String attr : d.unset) {
                    ObjectNode item = obj(EXISTING.get(d.name));
                    item.remove("type");
                    item.put(attr, true);
                    NitroStore s = base.copy();
                    notRefusedAsInvalidArgument(d.name + " unset", () -> s.action(d.name, "unset", item), attr);
                    tried++;
                }
            }
        }
        assertThat(tried).isGreaterThan(1000);
    }

    /** response-only (GO struct) and Terraform-only names from the notes, per resource */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("server", Set.of("statechangetimesec", "tickssincelaststatechange", "autoscale", "usip",
                        "cka", "tcpb", "cmp", "cacheable", "sp", "state")),
                Arguments.of("servicegroup", Set.of("numofconnections", "serviceconftype", "value", "svrstate", "ip",
                        "monstatcode", "servicegroupeffectivestate", "lbvservers", "lbmonitor", "servicegroupmembers",
                        "servicegroupmembers_by_servername", "state", "port", "weight")),
                Arguments.of("servicegroup_servicegroupmember_binding", Set.of("svrstate", "statechangetimesec",
                        "graceful", "delay", "svcitmpriority", "trofsreason", "orderstr", "trofsdelay", "disable_read")),
                Arguments.of("servicegroup_lbmonitor_binding", Set.of("monweight", "monitorname", "port", "state")),
                Arguments.of("lbvserver", Set.of("value", "ipmapping", "ngname", "type", "curstate", "effectivestate",
                        "status", "health", "totalservices", "activeservices", "backupvserverstatus", "sslcertkey",
                        "snisslcertkeys", "ciphers", "sslprofile", "state", "weight", "servicename", "newname")),
                Arguments.of("lbvserver_servicegroup_binding", Set.of("servicetype", "curstate")),
                Arguments.of("sslvserver_sslcertkey_binding", Set.of("cleartextport")),
                Arguments.of("sslcertkey", Set.of("signaturealg", "serial", "issuer", "subject", "daystoexpiration",
                        "status", "cert_hash", "key_hash", "nodomaincheck", "linkcertkeyname")),
                Arguments.of("lbmonitor", Set.of("lrtmconf", "lrtmconfstr", "dynamicresponsetimeout",
                        "dynamicinterval", "multimetrictable", "dup_state", "dup_weight", "weight", "state",
                        "metric")));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void attributesARealAdcDoesNotTakeOnAddAre278(String resource, Set<String> names) {
        NitroStore base = base();
        for (String attr : names) {
            ObjectNode item = obj(MINIMAL.get(resource));
            item.put(attr, "1");
            NitroStore s = base.copy();
            assertThatThrownBy(() -> s.add(resource, item, false)).as(resource + " " + attr)
                    .isInstanceOfSatisfying(SimulatorException.class, e -> {
                        assertThat(e.vendorCode()).isEqualTo("278");
                        assertThat(e.vendorMessage()).isEqualTo("Invalid argument [" + attr + "]");
                        assertThat(e.status()).isEqualTo(400);
                    });
        }
    }

    @Test
    void responseOnlyAttributesOfUpdateOnlyResourcesAre278() {
        NitroStore base = base();
        for (String attr : Set.of("crlcheck", "nonfipsciphers", "service", "ocspcheck", "ca", "snicert")) {
            ObjectNode item = obj(Map.of("vservername", "vs", attr, "x"));
            assertThatThrownBy(() -> base.copy().update("sslvserver", item, null))
                    .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.vendorCode()).isEqualTo("278"));
        }
        for (String attr : Set.of("dh", "ersa", "clientauth", "ssl2", "servicename")) {
            ObjectNode item = obj(Map.of("servicegroupname", "sg", attr, "x"));
            assertThatThrownBy(() -> base.copy().update("sslservicegroup", item, null))
                    .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.vendorCode()).isEqualTo("278"));
        }
    }

    @Test
    void everyEnumValueIsAcceptedInAnyCaseAndStoredAsListed() {
        for (ResourceDef d : Schema.all()) {
            d.types.forEach((attr, t) -> {
                if (t.type == Attr.Type.ENUM) {
                    t.values.values().forEach(v -> assertThat(NitroStore.canonical(d, attr,
                            TextNode.valueOf(v.toLowerCase(java.util.Locale.ROOT))).asText()).isEqualTo(v));
                }
            });
        }
        ResourceDef vs = Schema.get("lbvserver");
        assertThat(Schema.VSERVER_TYPES.split("\\|")).contains("SSL", "TCP", "PUSH", "SSL_PROXY")
                .doesNotContain("RPCSVR", "ADNS", "KAFKA_BROKER");
        assertThatThrownBy(() -> NitroStore.canonical(vs, "servicetype", TextNode.valueOf("ADNS")))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.vendorCode()).isEqualTo("1097"));
    }
}
