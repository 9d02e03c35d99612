package io.hakit.citrix.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.test.ThrowawayCa;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Builds a small IdP configuration over HTTP, checking every step answered as NITRO does. */
final class Setup {
    static final ThrowawayCa CA = ThrowawayCa.create("Sim Test CA");
    static final ThrowawayCa.Issued LB = CA.issueServer("patientsecure.hospital.test");

    private Setup() {
    }

    static Map<String, Object> upload(String name, String text) {
        return Map.of("filename", name, "filelocation", "/nsconfig/ssl/", "fileencoding", "BASE64",
                "filecontent", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    static void ok(Nitro.Resp r) {
        assertThat(r.status()).as(r.body().toString()).isIn(200, 201);
    }

    /** servers, an SSL group with two members and a monitor, an SSL vserver bound to the group and a certificate */
    static void idp(Nitro n) {
        ok(n.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11", "comment", "hakit:test")));
        ok(n.add("server", Map.of("name", "app2", "ipaddress", "10.0.0.12")));
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg_idp", "servicetype", "SSL")));
        ok(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_idp", "servername", "app1",
                "port", 7001)));
        ok(n.put("servicegroup_servicegroupmember_binding", Nitro.wrap("servicegroup_servicegroupmember_binding",
                Map.of("servicegroupname", "sg_idp", "servername", "app2", "port", "7001", "weight", 1))));
        ok(n.add("lbmonitor", Map.of("monitorname", "mon_idp", "type", "HTTP-ECV", "secure", "YES",
                "send", "GET /idp/health HTTP/1.1\r\nHost: idp\r\n\r\n", "recv", "UP")));
        ok(n.add("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "sg_idp", "monitor_name", "mon_idp")));
        ok(n.add("lbvserver", Map.of("name", "vs_idp", "servicetype", "SSL", "ipv46", "10.0.1.10", "port", 7001,
                "lbmethod", "ROUNDROBIN", "persistencetype", "SOURCEIP", "timeout", 10)));
        ok(n.add("lbvserver_servicegroup_binding", Map.of("name", "vs_idp", "servicegroupname", "sg_idp")));
        ok(n.add("systemfile", upload("lb.pem", LB.chainPem())));
        ok(n.add("systemfile", upload("lb.key", LB.privateKeyPem())));
        ok(n.add("sslcertkey", Map.of("certkey", "ck_lb", "cert", "lb.pem", "key", "lb.key", "inform", "PEM")));
        ok(n.add("sslvserver_sslcertkey_binding", Map.of("vservername", "vs_idp", "certkeyname", "ck_lb")));
    }
}
