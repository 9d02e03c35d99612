package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.Store.base;
import static io.hakit.citrix.sim.internal.Store.obj;
import static io.hakit.citrix.sim.internal.Store.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks NITRO makes before it accepts an object, each refusing with the device's error. */
class NitroChecksTest {
    private final NitroStore s = base();

    @Test
    void oneServerPerAddressAlsoOnUpdate() {
        s.add("server", obj(Map.of("name", "s2", "ipaddress", "10.0.0.2")), false);
        ObjectNode before = s.snapshot();
        refused(() -> s.update("server", obj(Map.of("name", "s2", "ipaddress", "10.0.0.1")), null),
                1335, 409, "Server already exists [10.0.0.1]");
        assertThat(s.snapshot()).isEqualTo(before);
        s.update("server", obj(Map.of("name", "srv", "ipaddress", "10.0.0.1")), null);
    }

    @Test
    void aServerNeedsOneValidAddressOrADomain() {
        refused(() -> s.add("server", obj(Map.of("name", "x")), false), 1095, 400,
                "Required argument missing [IPAddress]");
        refused(() -> s.add("server", obj(Map.of("name", "x", "ipaddress", "10.0.0.300")), false), 1097, 400,
                "Invalid argument value [IPAddress, 10.0.0.300]");
        refused(() -> s.add("server", obj(Map.of("name", "x", "ipaddress", "10.0.0.3", "domain", "x.test")), false),
                1092, 400, "Arguments cannot both be specified [IPAddress, domain]");
        s.add("server", obj(Map.of("name", "x", "domain", "x.test")), false);
        assertThat(s.read("server", "x").get(0).path("querytype").asText()).isEqualTo("A");
    }

    @Test
    void aVserverIsNotItsOwnBackupAndNamesAnExistingProfile() {
        refused(() -> s.update("lbvserver", obj(Map.of("name", "vs", "backupvserver", "vs")), null), 350, 599,
                "Invalid backup vserver [vs]");
        refused(() -> s.update("lbvserver", obj(Map.of("name", "vs", "tcpprofilename", "tcp")), null), 258, 404,
                "No such resource [tcpProfileName, tcp]");
        refused(() -> s.update("lbvserver", obj(Map.of("name", "vs", "timeout", 1)), null), 1097, 400,
                "Invalid argument value [timeout, 1]");
        s.add("nstcpprofile", obj(Map.of("name", "tcp")), false);
        s.update("lbvserver", obj(Map.of("name", "vs", "tcpprofilename", "tcp")), null);
        refused(() -> s.delete("nstcpprofile", "tcp", Map.of()), 1070, 599, "Object in use, cannot delete");
    }

    @Test
    void aCertkeyWhoseFileIsMissingIsRefused() {
        ObjectNode before = s.snapshot();
        refused(() -> s.add("sslcertkey", obj(Map.of("certkey", "ck2", "cert", "missing.pem")), false), 1540, 599,
                "Certificate does not exist [cert, /nsconfig/ssl/missing.pem]");
        refused(() -> s.add("sslcertkey", obj(Map.of("certkey", "ck2", "cert", "c.pem", "key", "/other/c.key")),
                false), 1540, 599, "Certificate does not exist [key, /other/c.key]");
        refused(() -> s.add("sslcertkey", obj(Map.of("certkey", "ck2", "cert", "c.key")), false), 1097, 400,
                "Invalid argument value [cert, /nsconfig/ssl/c.key]");
        refused(() -> s.action("sslcertkey", "update", obj(Map.of("certkey", "ck", "cert", "gone.pem"))), 1540, 599,
                "Certificate does not exist [cert, /nsconfig/ssl/gone.pem]");
        assertThat(s.snapshot()).isEqualTo(before);
        s.add("sslcertkey", obj(Map.of("certkey", "ck2", "cert", "/nsconfig/ssl/c.pem")), false);
        assertThat(s.read("sslcertkey", "ck2").get(0).path("cert").asText()).as("echoed as given")
                .isEqualTo("/nsconfig/ssl/c.pem");
    }

    @Test
    void aBindingNeedsItsParent() {
        refused(() -> s.add("servicegroup_lbmonitor_binding", obj(Map.of("servicegroupname", "nosg",
                "monitor_name", "mon")), false), 258, 404, "No such resource [serviceGroupName, nosg]");
        refused(() -> s.add("lbvserver_servicegroup_binding", obj(Map.of("name", "novs", "servicegroupname", "sg")),
                false), 258, 404, "No such resource [name, novs]");
        refused(() -> s.read("servicegroup_lbmonitor_binding", "nosg"), 258, 404,
                "No such resource [serviceGroupName, nosg]");
    }
}
