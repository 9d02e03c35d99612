package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.test.CitrixSimulatorTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each refusal answers NITRO's HTTP status and body, and changes nothing. */
@CitrixSimulatorTest
class CitrixSimulatorErrorsTest {
    private CitrixSimulator sim;
    private Nitro n;

    @BeforeEach
    void start() {
        n = new Nitro(sim.url()).login();
        Setup.idp(n);
    }

    private void refused(Nitro.Resp r, int status, String body) {
        assertThat(r.status()).isEqualTo(status);
        assertThat(r.body().toString()).isEqualTo(body);
        assertThat(r.header("Content-Type")).hasValue("application/json");
    }

    private JsonNode assertUnchanged(Runnable r) {
        JsonNode before = sim.snapshot();
        r.run();
        assertThat(sim.snapshot()).isEqualTo(before);
        return before;
    }

    @Test
    void duplicateIs409With273() {
        assertUnchanged(() -> refused(n.add("server", Map.of("name", "app1", "ipaddress", "10.0.0.11")), 409,
                "{\"errorcode\":273,\"message\":\"Resource already exists\",\"severity\":\"ERROR\"}"));
        assertUnchanged(() -> refused(n.add("servicegroup_lbmonitor_binding",
                Map.of("servicegroupname", "sg_idp", "monitor_name", "mon_idp")), 409,
                "{\"errorcode\":273,\"message\":\"Resource already exists\",\"severity\":\"ERROR\"}"));
    }

    @Test
    void theSameAddressUnderAnotherNameIs409With1335() {
        assertUnchanged(() -> refused(n.add("server", Map.of("name", "app1-again", "ipaddress", "10.0.0.11")), 409,
                "{\"errorcode\":1335,\"message\":\"Server already exists [10.0.0.11]\",\"severity\":\"ERROR\"}"));
    }

    @Test
    void idempotentAddUpdatesAnExistingObject() {
        ok(n.post("server?idempotent=yes", Nitro.wrap("server", Map.of("name", "app1", "ipaddress", "10.0.0.11",
                "comment", "changed"))));
        assertThat(n.get("server/app1").body().at("/server/0/comment").asText()).isEqualTo("changed");
        refused(n.post("server?idempotent=yes", Nitro.wrap("server", Map.of("name", "app9", "ipaddress", "10.0.0.12"))),
                409, "{\"errorcode\":1335,\"message\":\"Server already exists [10.0.0.12]\",\"severity\":\"ERROR\"}");
    }

    @Test
    void missingObjectIs404With258() {
        refused(n.get("lbvserver/nope"), 404,
                "{\"errorcode\":258,\"message\":\"No such resource [name, nope]\",\"severity\":\"ERROR\"}");
        refused(n.delete("server/nope"), 404,
                "{\"errorcode\":258,\"message\":\"No such resource [name, nope]\",\"severity\":\"ERROR\"}");
        refused(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "nope", "lbmethod", "ROUNDROBIN"))), 404,
                "{\"errorcode\":258,\"message\":\"No such resource [name, nope]\",\"severity\":\"ERROR\"}");
        refused(n.get("servicegroup_servicegroupmember_binding/nope"), 404,
                "{\"errorcode\":258,\"message\":\"No such resource [serviceGroupName, nope]\",\"severity\":\"ERROR\"}");
    }

    @Test
    void bindingAServiceIs404With344() {
        ok(n.add("lbvserver", Map.of("name", "vs_other", "servicetype", "SSL")));
        assertUnchanged(() -> refused(n.add("lbvserver_servicegroup_binding",
                Map.of("name", "vs_other", "servicename", "svc_gone")), 404,
                "{\"errorcode\":344,\"message\":\"No Service\",\"severity\":\"ERROR\"}"));
        refused(n.add("lbvserver_servicegroup_binding",
                Map.of("name", "vs_other", "servicename", "svc", "servicegroupname", "sg_idp")), 400,
                "{\"errorcode\":1092,\"message\":\"Arguments cannot both be specified [serviceName, serviceGroupName]\","
                        + "\"severity\":\"ERROR\"}");
    }

    @Test
    void anAttributeTheResourceDoesNotTakeIs400With278() {
        // response-only (GO struct field)
        assertUnchanged(() -> refused(n.add("lbvserver", Map.of("name", "v2", "servicetype", "HTTP", "curstate", "UP")),
                400, "{\"errorcode\":278,\"message\":\"Invalid argument [curstate]\",\"severity\":\"ERROR\"}"));
        // Terraform-only convenience attribute
        refused(n.add("lbvserver", Map.of("name", "v2", "servicetype", "SSL", "sslcertkey", "ck_lb")), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [sslcertkey]\",\"severity\":\"ERROR\"}");
        // the wire name is monitor_name, not monitorname
        refused(n.add("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "sg_idp", "monitorname", "mon_idp")),
                400, "{\"errorcode\":278,\"message\":\"Invalid argument [monitorname]\",\"severity\":\"ERROR\"}");
        // immutable after create: not in the update list
        refused(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "port", 443))), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [port]\",\"severity\":\"ERROR\"}");
        // state changes only through ?action=enable|disable
        refused(n.put("server", Nitro.wrap("server", Map.of("name", "app1", "state", "DISABLED"))), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [state]\",\"severity\":\"ERROR\"}");
        // sslcertkey: only expirymonitor, notificationperiod, deletecertkeyfilesonremoval are updatable
        refused(n.put("sslcertkey", Nitro.wrap("sslcertkey", Map.of("certkey", "ck_lb", "cert", "other.pem"))), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [cert]\",\"severity\":\"ERROR\"}");
    }

    @Test
    void badValuesAre400() {
        refused(n.add("lbmonitor", Map.of("monitorname", "m2", "type", "HTTPS")), 400,
                "{\"errorcode\":1097,\"message\":\"Invalid argument value [type, HTTPS]\",\"severity\":\"ERROR\"}");
        refused(n.add("servicegroup", Map.of("servicegroupname", "sg2")), 400,
                "{\"errorcode\":1095,\"message\":\"Required argument missing [servicetype]\",\"severity\":\"ERROR\"}");
        refused(n.add("lbvserver", Map.of("name", "v3", "servicetype", "SSL", "ipv46", "10.0.1.11", "port", 70000)), 400,
                "{\"errorcode\":1097,\"message\":\"Invalid argument value [port, 70000]\",\"severity\":\"ERROR\"}");
        refused(n.add("lbvserver", Map.of("name", "v3", "servicetype", "SSL", "ipv46", "10.0.1.11")), 400,
                "{\"errorcode\":1095,\"message\":\"Required argument missing [port]\",\"severity\":\"ERROR\"}");
        refused(n.add("server", Map.of("name", "s3", "ipaddress", "10.0.0.300")), 400,
                "{\"errorcode\":1097,\"message\":\"Invalid argument value [IPAddress, 10.0.0.300]\",\"severity\":\"ERROR\"}");
        refused(n.add("server", Map.of("name", "s3", "ipaddress", "10.0.0.3", "domain", "a.test")), 400,
                "{\"errorcode\":1092,\"message\":\"Arguments cannot both be specified [IPAddress, domain]\","
                        + "\"severity\":\"ERROR\"}");
        refused(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_idp",
                "servername", "app1", "ip", "10.0.0.11", "port", 7002)), 400,
                "{\"errorcode\":1092,\"message\":\"Arguments cannot both be specified [serverName, IP]\","
                        + "\"severity\":\"ERROR\"}");
        refused(n.add("lbvserver", Map.of("name", "v4", "servicetype", "SSL", "persistencetype", "SOURCEIP",
                "timeout", 1)), 400,
                "{\"errorcode\":1097,\"message\":\"Invalid argument value [timeout, 1]\",\"severity\":\"ERROR\"}");
        refused(n.post("server", "not json"), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [request body is not JSON]\",\"severity\":\"ERROR\"}");
        refused(n.post("server", "{\"lbvserver\":{\"name\":\"x\"}}"), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [lbvserver]\",\"severity\":\"ERROR\"}");
    }

    @Test
    void bindingsToMissingObjectsAreRefused() {
        assertUnchanged(() -> {
            refused(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_nope",
                    "servername", "app1", "port", 7001)), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [serviceGroupName, sg_nope]\",\"severity\":\"ERROR\"}");
            refused(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_idp",
                    "servername", "app9", "port", 7001)), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [serverName, app9]\",\"severity\":\"ERROR\"}");
            refused(n.add("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "sg_idp",
                    "monitor_name", "mon_nope")), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [monitorName, mon_nope]\",\"severity\":\"ERROR\"}");
            refused(n.add("lbvserver_servicegroup_binding", Map.of("name", "vs_idp", "servicegroupname", "sg_nope")), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [serviceGroupName, sg_nope]\",\"severity\":\"ERROR\"}");
            refused(n.add("lbvserver_servicegroup_binding", Map.of("name", "vs_nope", "servicegroupname", "sg_idp")), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [name, vs_nope]\",\"severity\":\"ERROR\"}");
            refused(n.add("sslvserver_sslcertkey_binding", Map.of("vservername", "vs_nope", "certkeyname", "ck_lb")), 404,
                    "{\"errorcode\":461,\"message\":\"No such Vserver [vs_nope]\",\"severity\":\"ERROR\"}");
            refused(n.add("sslvserver_sslcertkey_binding", Map.of("vservername", "vs_idp", "certkeyname", "ck_nope")),
                    599, "{\"errorcode\":1540,\"message\":\"Certificate does not exist [ck_nope]\",\"severity\":\"ERROR\"}");
            refused(n.add("lbvserver", Map.of("name", "vs_hl7", "servicetype", "TCP", "ipv46", "10.0.1.20", "port", 2244,
                    "backupvserver", "vs_hl7_standby")), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [backupVServer, vs_hl7_standby]\",\"severity\":\"ERROR\"}");
            refused(n.add("lbvserver", Map.of("name", "vs_self", "servicetype", "TCP", "backupvserver", "vs_self")), 599,
                    "{\"errorcode\":350,\"message\":\"Invalid backup vserver [vs_self]\",\"severity\":\"ERROR\"}");
            refused(n.add("sslcertkey", Map.of("certkey", "ck_2", "cert", "missing.pem")), 599,
                    "{\"errorcode\":1540,\"message\":\"Certificate does not exist [cert, /nsconfig/ssl/missing.pem]\","
                            + "\"severity\":\"ERROR\"}");
            refused(n.add("sslcertkey", Map.of("certkey", "ck_2", "cert", "lb.pem", "key", "missing.key")), 599,
                    "{\"errorcode\":1540,\"message\":\"Certificate does not exist [key, /nsconfig/ssl/missing.key]\","
                            + "\"severity\":\"ERROR\"}");
            refused(n.add("lbvserver", Map.of("name", "v5", "servicetype", "TCP", "tcpprofilename", "tcp_nope")), 404,
                    "{\"errorcode\":258,\"message\":\"No such resource [tcpProfileName, tcp_nope]\",\"severity\":\"ERROR\"}");
        });
    }

    @Test
    void anObjectStillReferredToCannotBeDeleted() {
        assertUnchanged(() -> {
            String inUse = "{\"errorcode\":1070,\"message\":\"Object in use, cannot delete\",\"severity\":\"ERROR\"}";
            refused(n.delete("server/app1"), 599, inUse);
            refused(n.delete("lbmonitor/mon_idp?args=type:HTTP-ECV"), 599, inUse);
            refused(n.delete("servicegroup/sg_idp"), 599, inUse);
            refused(n.delete("sslcertkey/ck_lb"), 599, "{\"errorcode\":1541,\"message\":\"Certificate is referenced by a "
                    + "CRL, OCSP responder, vserver, service, monitor, SSL profile, another certificate\","
                    + "\"severity\":\"ERROR\"}");
        });
        ok(n.add("lbvserver", Map.of("name", "vs_standby", "servicetype", "SSL")));
        ok(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "backupvserver", "vs_standby"))));
        assertThat(n.delete("lbvserver/vs_standby").errorcode()).isEqualTo(1070);
    }

    @Test
    void deletingAParentTakesItsOwnBindingsAndTheReferencesThenAllowDeletes() {
        ok(n.delete("lbvserver/vs_idp"));
        assertThat(n.get("sslvserver").body().has("sslvserver")).isFalse();
        assertThat(n.get("lbvserver_servicegroup_binding?bulkbindings=yes").body().has("lbvserver_servicegroup_binding"))
                .isFalse();
        ok(n.delete("sslcertkey/ck_lb"));
        ok(n.delete("servicegroup/sg_idp"));
        assertThat(n.get("servicegroup_servicegroupmember_binding?bulkbindings=yes").body()
                .has("servicegroup_servicegroupmember_binding")).isFalse();
        ok(n.delete("server/app1"));
        ok(n.delete("lbmonitor/mon_idp?args=type:HTTP-ECV"));
    }

    @Test
    void monitorDeleteNeedsItsType() {
        ok(n.add("lbmonitor", Map.of("monitorname", "mon_free", "type", "TCP")));
        assertThat(n.delete("lbmonitor/mon_free").errorcode()).isEqualTo(1095);
        assertThat(n.delete("lbmonitor/mon_free?args=type:HTTP").errorcode()).isEqualTo(258);
        ok(n.delete("lbmonitor/mon_free?args=type:tcp"));
    }

    @Test
    void unbindRefusals() {
        refused(n.delete("sslvserver_sslcertkey_binding/vs_idp?args=certkeyname:ck_other"), 599,
                "{\"errorcode\":1542,\"message\":\"Certificate binding does not exist\",\"severity\":\"ERROR\"}");
        refused(n.delete("servicegroup_lbmonitor_binding/sg_idp?args=monitor_name:mon_other"), 404,
                "{\"errorcode\":258,\"message\":\"No such resource [monitor_name, mon_other]\",\"severity\":\"ERROR\"}");
        refused(n.delete("servicegroup_lbmonitor_binding/sg_idp?args=monitorname:mon_idp"), 400,
                "{\"errorcode\":278,\"message\":\"Invalid argument [monitorname]\",\"severity\":\"ERROR\"}");
        ok(n.delete("servicegroup_lbmonitor_binding/sg_idp?args=monitor_name:mon_idp"));
        ok(n.delete("servicegroup_servicegroupmember_binding/sg_idp?args=servername:app1,port:7001"));
        ok(n.delete("servicegroup_servicegroupmember_binding/sg_idp?args=ip:10.0.0.12,port:7001"));
        ok(n.delete("lbvserver_servicegroup_binding/vs_idp?args=servicegroupname:sg_idp"));
    }

    @Test
    void aCaBindingMustBeUnboundWithCaRepeated() {
        ok(n.add("systemfile", Setup.upload("ca.pem", Setup.CA.certificatePem())));
        ok(n.add("sslcertkey", Map.of("certkey", "ck_ca", "cert", "ca.pem")));
        ok(n.add("sslservicegroup_sslcertkey_binding", Map.of("servicegroupname", "sg_idp", "certkeyname", "ck_ca",
                "ca", true)));
        assertThat(n.delete("sslservicegroup_sslcertkey_binding/sg_idp?args=certkeyname:ck_ca").errorcode())
                .isEqualTo(1542);
        ok(n.delete("sslservicegroup_sslcertkey_binding/sg_idp?args=certkeyname:ck_ca,ca:true"));
    }

    @Test
    void duplicateFileIs409With1642() {
        refused(n.add("systemfile", Setup.upload("lb.pem", "x")), 409,
                "{\"errorcode\":1642,\"message\":\"Cannot create output file. File already exists\",\"severity\":\"ERROR\"}");
    }

    @Test
    void aBindingReadWithoutParentNeedsBulkbindings() {
        assertThat(n.get("servicegroup_lbmonitor_binding").errorcode()).isEqualTo(1095);
        assertThat(n.get("lbvserver_binding").errorcode()).isEqualTo(1095);
    }

    @Test
    void anUnknownResourceIs404() {
        Nitro.Resp r = n.get("frobnicator");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorcode()).isEqualTo(258);
    }

    @Test
    void certificateFilesMustHoldACertificateAndBeUploadedAsBase64() {
        ok(n.add("systemfile", Setup.upload("junk.pem", "not a certificate")));
        refused(n.add("sslcertkey", Map.of("certkey", "ck_junk", "cert", "junk.pem")), 400,
                "{\"errorcode\":1097,\"message\":\"Invalid argument value [cert, /nsconfig/ssl/junk.pem]\","
                        + "\"severity\":\"ERROR\"}");
        assertThat(n.add("systemfile", Map.of("filename", "a.pem", "filelocation", "/nsconfig/ssl/",
                "filecontent", "%%%not base64")).errorcode()).isEqualTo(1097);
        assertThat(n.add("systemfile", Map.of("filename", "a.pem", "filelocation", "/nsconfig/ssl/",
                "filecontent", "QQ==", "fileencoding", "TEXT")).errorcode()).isEqualTo(1097);
        assertThat(n.add("systemfile", Map.of("filename", "a.pem", "filelocation", "nsconfig/ssl",
                "filecontent", "QQ==")).errorcode()).isEqualTo(1097);
        assertThat(n.add("systemfile", Map.of("filename", "a.pem", "filecontent", "QQ==")).errorcode()).isEqualTo(1095);
        assertThat(n.add("systemfile", Map.of("filename", "a.pem", "filelocation", "/nsconfig/ssl/",
                "filecontent", "QQ==", "mode", "x")).errorcode()).isEqualTo(278);
    }

    @Test
    void aLinkedCertificateCannotBeDeletedAndLinkNeedsAnExistingCertificate() {
        ok(n.add("systemfile", Setup.upload("ca.pem", Setup.CA.certificatePem())));
        ok(n.add("sslcertkey", Map.of("certkey", "ck_ca", "cert", "ca.pem")));
        assertThat(n.post("sslcertkey?action=link", Nitro.wrap("sslcertkey", Map.of("certkey", "ck_lb",
                "linkcertkeyname", "ck_nope"))).errorcode()).isEqualTo(1540);
        ok(n.post("sslcertkey?action=link", Nitro.wrap("sslcertkey", Map.of("certkey", "ck_lb",
                "linkcertkeyname", "ck_ca"))));
        assertThat(n.get("sslcertkey/ck_lb").body().at("/sslcertkey/0/linkcertkeyname").asText()).isEqualTo("ck_ca");
        assertThat(n.delete("sslcertkey/ck_ca").errorcode()).isEqualTo(1541);
        ok(n.post("sslcertkey?action=unlink", Nitro.wrap("sslcertkey", Map.of("certkey", "ck_lb"))));
        ok(n.delete("sslcertkey/ck_ca"));
    }

    @Test
    void aTcpProfileInUseCannotBeDeleted() {
        ok(n.add("nstcpprofile", Map.of("name", "tcp_hl7", "ka", "ENABLED", "kaconnidletime", 300)));
        assertThat(n.add("nstcpprofile", Map.of("name", "tcp_bad", "kaconnidletime", 5000)).errorcode()).isEqualTo(1097);
        ok(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "tcpprofilename", "tcp_hl7"))));
        refused(n.delete("nstcpprofile/tcp_hl7"), 599,
                "{\"errorcode\":1070,\"message\":\"Object in use, cannot delete\",\"severity\":\"ERROR\"}");
        ok(n.post("lbvserver?action=unset", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "tcpprofilename", true))));
        ok(n.delete("nstcpprofile/tcp_hl7"));
    }

    @Test
    void idempotentAddRefusesAChangeToAnImmutableAttribute() {
        refused(n.post("lbvserver?idempotent=yes", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "servicetype", "HTTP"))),
                400, "{\"errorcode\":278,\"message\":\"Invalid argument [servicetype]\",\"severity\":\"ERROR\"}");
        ok(n.post("lbvserver?idempotent=yes", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "servicetype", "ssl",
                "port", 7001, "ipv46", "10.0.1.10", "clttimeout", 3600))));
        assertThat(n.get("lbvserver/vs_idp").body().at("/lbvserver/0/clttimeout").asText()).isEqualTo("3600");
    }
}
