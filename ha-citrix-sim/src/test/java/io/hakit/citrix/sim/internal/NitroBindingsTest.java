package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.Store.base;
import static io.hakit.citrix.sim.internal.Store.obj;
import static io.hakit.citrix.sim.internal.Store.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding, unbinding, and what a delete takes along or refuses, as NITRO does them. */
class NitroBindingsTest {

    private static NitroStore bound() {
        NitroStore s = base();
        s.add("servicegroup_servicegroupmember_binding", obj(Map.of("servicegroupname", "sg", "servername", "srv",
                "port", 443)), false);
        s.add("servicegroup_lbmonitor_binding", obj(Map.of("servicegroupname", "sg", "monitor_name", "mon")), false);
        s.add("sslservicegroup_sslcertkey_binding", obj(Map.of("servicegroupname", "sg", "certkeyname", "ck")), false);
        s.add("lbvserver_servicegroup_binding", obj(Map.of("name", "vs", "servicegroupname", "sg")), false);
        s.add("sslvserver_sslcertkey_binding", obj(Map.of("vservername", "vs", "certkeyname", "ck")), false);
        return s;
    }

    @Test
    void bindingTwiceIs273AndAMissingChildIsRefused() {
        NitroStore s = bound();
        ObjectNode before = s.snapshot();
        refused(() -> s.add("servicegroup_lbmonitor_binding", obj(Map.of("servicegroupname", "sg", "monitor_name",
                "mon")), false), 273, 409, "Resource already exists");
        refused(() -> s.add("servicegroup_lbmonitor_binding", obj(Map.of("servicegroupname", "sg", "monitor_name",
                "nomon")), false), 258, 404, "No such resource [monitorName, nomon]");
        refused(() -> s.add("sslvserver_sslcertkey_binding", obj(Map.of("vservername", "novs", "certkeyname", "ck")),
                false), 461, 404, "No such Vserver [novs]");
        refused(() -> s.add("servicegroup_servicegroupmember_binding", obj(Map.of("servicegroupname", "sg",
                "servername", "srv", "ip", "10.0.0.1", "port", 80)), false), 1092, 400,
                "Arguments cannot both be specified [serverName, IP]");
        assertThat(s.snapshot()).isEqualTo(before);
    }

    @Test
    void aMemberBoundByIpCreatesTheServerNamedAfterIt() {
        NitroStore s = base();
        s.add("servicegroup_servicegroupmember_binding", obj(Map.of("servicegroupname", "sg", "ip", "10.0.0.7",
                "port", 80)), false);
        assertThat(s.read("server", "10.0.0.7").get(0).path("ipaddress").asText()).isEqualTo("10.0.0.7");
        assertThat(s.read("servicegroup_servicegroupmember_binding", "sg").get(0).path("servername").asText())
                .isEqualTo("10.0.0.7");
        s.add("servicegroup_servicegroupmember_binding", obj(Map.of("servicegroupname", "sg", "ip", "10.0.0.1",
                "port", 80)), false);
        assertThat(s.read("servicegroup_servicegroupmember_binding", "sg")).as("10.0.0.1 is srv's address")
                .anySatisfy(m -> assertThat(m.path("servername").asText()).isEqualTo("srv"));
    }

    @Test
    void unbindRemovesOneBindingAndRefusesWhatIsNotBound() {
        NitroStore s = bound();
        s.unbind("servicegroup_servicegroupmember_binding", "sg", Map.of("servername", "srv", "port", "443"));
        assertThat(s.read("servicegroup_servicegroupmember_binding", "sg")).isEmpty();
        refused(() -> s.unbind("servicegroup_servicegroupmember_binding", "sg", Map.of("servername", "srv",
                "port", "443")), 258, 404, "No such resource [servername, srv:443]");
        refused(() -> s.unbind("sslvserver_sslcertkey_binding", "vs", Map.of("certkeyname", "ck", "ca", "true")),
                1542, 599, "Certificate binding does not exist");
        s.unbind("sslvserver_sslcertkey_binding", "vs", Map.of("certkeyname", "ck"));
        assertThat(s.read("sslvserver_sslcertkey_binding", "vs")).isEmpty();
    }

    @Test
    void deletingAGroupTakesItsOwnBindingsAlongButNotWhileAVserverUsesIt() {
        NitroStore s = bound();
        refused(() -> s.delete("servicegroup", "sg", Map.of()), 1070, 599, "Object in use, cannot delete");

        s.unbind("lbvserver_servicegroup_binding", "vs", Map.of("servicegroupname", "sg"));
        s.delete("servicegroup", "sg", Map.of());

        ObjectNode after = s.snapshot();
        for (String gone : new String[] {"servicegroup", "servicegroup_servicegroupmember_binding",
                "servicegroup_lbmonitor_binding", "sslservicegroup_sslcertkey_binding", "sslservicegroup"}) {
            assertThat(after.has(gone)).as(gone).isFalse();
        }
        assertThat(after.has("server")).as("the member's server stays").isTrue();
        assertThat(after.has("lbmonitor")).as("the monitor stays").isTrue();
        s.delete("server", "srv", Map.of());
        s.delete("lbmonitor", "mon", Map.of("type", "HTTP"));
    }

    @Test
    void deletingAVserverTakesItsBindingsAndTwinAndFreesTheCertificate() {
        NitroStore s = bound();
        refused(() -> s.delete("sslcertkey", "ck", Map.of()), 1541, 599, NitroErrorCodes.message(1541));
        refused(() -> s.delete("server", "srv", Map.of()), 1070, 599, "Object in use, cannot delete");

        s.delete("lbvserver", "vs", Map.of());
        ObjectNode after = s.snapshot();
        assertThat(after.has("lbvserver_servicegroup_binding")).isFalse();
        assertThat(after.has("sslvserver_sslcertkey_binding")).isFalse();
        assertThat(after.has("sslvserver")).isFalse();
        assertThat(after.get("sslservicegroup_sslcertkey_binding")).as("the group's certificate stays").hasSize(1);

        s.unbind("sslservicegroup_sslcertkey_binding", "sg", Map.of("certkeyname", "ck"));
        s.delete("sslcertkey", "ck", Map.of());
        assertThat(s.snapshot().has("sslcertkey")).isFalse();
    }

    @Test
    void aRenamedServerIsRenamedInItsMemberships() {
        NitroStore s = bound();
        s.action("server", "rename", obj(Map.of("name", "srv", "newname", "srv2")));
        assertThat(s.read("servicegroup_servicegroupmember_binding", "sg").get(0).path("servername").asText())
                .isEqualTo("srv2");
        s.unbind("servicegroup_servicegroupmember_binding", "sg", Map.of("servername", "srv2", "port", "443"));
        s.delete("server", "srv2", Map.of());
        refused(() -> s.read("server", "srv"), 258, 404, "No such resource [name, srv]");
    }
}
