package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.test.CitrixSimulatorTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What GET shows: shapes, string-typed numbers, device defaults, normalisation, queries. */
@CitrixSimulatorTest
class CitrixSimulatorReadTest {
    private CitrixSimulator sim;
    private Nitro n;

    @BeforeEach
    void start() {
        n = new Nitro(sim.url()).login();
        Setup.idp(n);
    }

    @Test
    void aGetOfOneObjectIsStillAnArrayInTheDoneBody() {
        JsonNode b = n.get("lbvserver/vs_idp").body();
        assertThat(b.path("errorcode").asInt()).isZero();
        assertThat(b.path("message").asText()).isEqualTo("Done");
        assertThat(b.path("severity").asText()).isEqualTo("NONE");
        assertThat(b.path("lbvserver").isArray()).isTrue();
        assertThat(b.path("lbvserver")).hasSize(1);
    }

    @Test
    void numbersComeBackAsStringsExceptWhereARealAdcShowsNumbers() {
        JsonNode vs = n.get("lbvserver/vs_idp").body().at("/lbvserver/0");
        assertThat(vs.get("port").isNumber()).isTrue();
        assertThat(vs.get("port").asInt()).isEqualTo(7001);
        assertThat(vs.get("timeout").isNumber()).isTrue();
        assertThat(vs.get("clttimeout").isTextual()).isTrue();
        assertThat(vs.get("clttimeout").asText()).isEqualTo("180");
        assertThat(vs.get("sopersistencetimeout").asText()).isEqualTo("2");

        JsonNode member = n.get("servicegroup_servicegroupmember_binding/sg_idp").body()
                .at("/servicegroup_servicegroupmember_binding/0");
        assertThat(member.get("port").isNumber()).isTrue();
        assertThat(member.get("weight").isTextual()).isTrue();
        assertThat(member.get("weight").asText()).isEqualTo("1");
        assertThat(member.get("ip").asText()).isEqualTo("10.0.0.11");

        JsonNode group = n.get("servicegroup/sg_idp").body().at("/servicegroup/0");
        assertThat(group.get("maxclient").asText()).isEqualTo("0");
        assertThat(group.get("maxclient").isTextual()).isTrue();
        assertThat(group.get("clttimeout").isNumber()).isTrue();

        JsonNode mon = n.get("lbmonitor/mon_idp").body().at("/lbmonitor/0");
        assertThat(mon.get("interval").isNumber()).isTrue();
        assertThat(mon.get("deviation").isTextual()).isTrue();
    }

    @Test
    void deviceDefaultsAreFilledIn() {
        JsonNode group = n.get("servicegroup/sg_idp").body().at("/servicegroup/0");
        assertThat(group.path("state").asText()).isEqualTo("ENABLED");
        assertThat(group.path("healthmonitor").asText()).isEqualTo("YES");
        assertThat(group.path("svrtimeout").asInt()).isEqualTo(360);

        JsonNode mon = n.get("lbmonitor/mon_idp").body().at("/lbmonitor/0");
        assertThat(mon.path("interval").asInt()).isEqualTo(5);
        assertThat(mon.path("units3").asText()).isEqualTo("SEC");
        assertThat(mon.path("resptimeout").asInt()).isEqualTo(2);
        assertThat(mon.path("retries").asInt()).isEqualTo(3);
        assertThat(mon.path("downtime").asInt()).isEqualTo(30);
        assertThat(mon.path("secure").asText()).isEqualTo("YES");

        JsonNode vs = n.get("lbvserver/vs_idp").body().at("/lbvserver/0");
        assertThat(vs.path("persistencebackup").asText()).isEqualTo("NONE");
        assertThat(vs.path("curstate").asText()).isEqualTo("UP");
        assertThat(vs.has("state")).as("an lbvserver GET leaves out state").isFalse();

        ok(n.add("lbvserver", Map.of("name", "vs_nocert", "servicetype", "SSL")));
        assertThat(n.get("lbvserver/vs_nocert").body().at("/lbvserver/0/curstate").asText())
                .as("an SSL vserver without a certificate is DOWN").isEqualTo("DOWN");
        ok(n.add("lbvserver", Map.of("name", "vs_tcp", "servicetype", "TCP")));
        assertThat(n.get("lbvserver/vs_tcp").body().at("/lbvserver/0/clttimeout").asText()).isEqualTo("9000");
        assertThat(n.get("lbvserver/vs_tcp").body().at("/lbvserver/0/ipv46").asText()).isEqualTo("0.0.0.0");

        ok(n.add("lbmonitor", Map.of("monitorname", "mon_http", "type", "HTTP")));
        assertThat(n.get("lbmonitor/mon_http").body().at("/lbmonitor/0/respcode").toString()).isEqualTo("[\"200\"]");
    }

    @Test
    void anIntervalOfWholeMinutesComesBackInMinutes() {
        ok(n.add("lbmonitor", Map.of("monitorname", "mon_60", "type", "TCP", "interval", 60)));
        JsonNode mon = n.get("lbmonitor/mon_60").body().at("/lbmonitor/0");
        assertThat(mon.path("interval").asInt()).isEqualTo(1);
        assertThat(mon.path("units3").asText()).isEqualTo("MIN");

        ok(n.put("lbmonitor", Nitro.wrap("lbmonitor", Map.of("monitorname", "mon_60", "type", "TCP", "interval", 90))));
        mon = n.get("lbmonitor/mon_60").body().at("/lbmonitor/0");
        assertThat(mon.path("interval").asInt()).isEqualTo(90);
        assertThat(mon.path("units3").asText()).isEqualTo("SEC");
    }

    @Test
    void enumsAreCaseInsensitiveAndStoredAsTheAdcShowsThem() {
        ok(n.add("lbvserver", Map.of("name", "vs_lower", "servicetype", "ssl", "lbmethod", "roundRobin",
                "persistencetype", "sourceip", "timeout", "10")));
        JsonNode vs = n.get("lbvserver/vs_lower").body().at("/lbvserver/0");
        assertThat(vs.path("servicetype").asText()).isEqualTo("SSL");
        assertThat(vs.path("lbmethod").asText()).isEqualTo("ROUNDROBIN");
        assertThat(vs.path("persistencetype").asText()).isEqualTo("SOURCEIP");
        assertThat(vs.path("timeout").asInt()).isEqualTo(10);
        ok(n.add("nstcpprofile", Map.of("name", "tcp_hl7", "flavor", "cubic", "ka", "enabled")));
        assertThat(n.get("nstcpprofile/tcp_hl7").body().at("/nstcpprofile/0/flavor").asText()).isEqualTo("CUBIC");
    }

    @Test
    void secretsAreNeverReturned() {
        ok(n.add("lbmonitor", Map.of("monitorname", "mon_ldap", "type", "LDAP", "password", "pw")));
        assertThat(n.get("lbmonitor/mon_ldap").body().at("/lbmonitor/0").has("password")).isFalse();
        assertThat(n.get("systemfile?args=filelocation:%2Fnsconfig%2Fssl%2F").body().toString())
                .doesNotContain("filecontent");
    }

    @Test
    void theCertkeyShowsItsFilesAndCertificate() {
        JsonNode ck = n.get("sslcertkey/ck_lb").body().at("/sslcertkey/0");
        assertThat(ck.path("cert").asText()).as("as added (Setup adds bare names)").isEqualTo("lb.pem");
        assertThat(ck.path("key").asText()).isEqualTo("lb.key");
        assertThat(ck.path("subject").asText()).contains("CN=patientsecure.hospital.test");
        assertThat(ck.path("issuer").asText()).contains("CN=Sim Test CA");
        assertThat(ck.path("status").asText()).isEqualTo("Valid");
        assertThat(ck.path("daystoexpiration").isNumber()).isTrue();
    }

    @Test
    void tlsVserversAndGroupsGetTheirSslTwins() {
        JsonNode ssl = n.get("sslvserver/vs_idp").body().at("/sslvserver/0");
        assertThat(ssl.path("vservername").asText()).isEqualTo("vs_idp");
        assertThat(ssl.path("tls12").asText()).isEqualTo("ENABLED");
        assertThat(n.get("sslservicegroup/sg_idp").body().at("/sslservicegroup/0/serverauth").asText())
                .isEqualTo("DISABLED");
        ok(n.put("sslservicegroup", Nitro.wrap("sslservicegroup", Map.of("servicegroupname", "sg_idp",
                "serverauth", "ENABLED"))));
        assertThat(n.get("sslservicegroup/sg_idp").body().at("/sslservicegroup/0/serverauth").asText())
                .isEqualTo("ENABLED");
        assertThat(n.add("sslvserver", Map.of("vservername", "x")).errorcode()).isEqualTo(257);
        ok(n.add("lbvserver", Map.of("name", "vs_plain", "servicetype", "HTTP")));
        assertThat(n.get("sslvserver/vs_plain").errorcode()).isEqualTo(461);
    }

    @Test
    void aBindingReadOfAParentWithoutBindingsHasNoArray() {
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg_empty", "servicetype", "SSL")));
        JsonNode b = n.get("servicegroup_servicegroupmember_binding/sg_empty").body();
        assertThat(b.toString()).isEqualTo("{\"errorcode\":0,\"message\":\"Done\",\"severity\":\"NONE\"}");
    }

    @Test
    void bulkbindingsReadsEveryBindingOfAType() {
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg_ui", "servicetype", "SSL")));
        ok(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_ui", "servername", "app1",
                "port", 443)));
        JsonNode all = n.get("servicegroup_servicegroupmember_binding?bulkbindings=yes").body()
                .path("servicegroup_servicegroupmember_binding");
        assertThat(all).hasSize(3);
        assertThat(all.findValuesAsText("servicegroupname")).containsExactlyInAnyOrder("sg_idp", "sg_idp", "sg_ui");

        JsonNode agg = n.get("servicegroup_binding?bulkbindings=yes").body().path("servicegroup_binding");
        assertThat(agg).hasSize(2);
        JsonNode idp = agg.get(0);
        assertThat(idp.path("servicegroupname").asText()).isEqualTo("sg_idp");
        assertThat(idp.path("servicegroup_servicegroupmember_binding")).hasSize(2);
        assertThat(idp.path("servicegroup_lbmonitor_binding")).hasSize(1);

        JsonNode vs = n.get("lbvserver_binding/vs_idp").body().at("/lbvserver_binding/0");
        assertThat(vs.path("name").asText()).isEqualTo("vs_idp");
        assertThat(vs.at("/lbvserver_servicegroup_binding/0/servicegroupname").asText()).isEqualTo("sg_idp");
        assertThat(n.get("sslvserver_binding/vs_idp").body()
                .at("/sslvserver_binding/0/sslvserver_sslcertkey_binding/0/certkeyname").asText()).isEqualTo("ck_lb");
    }

    @Test
    void filterArgsAttrsCountAndPaging() {
        JsonNode f = n.get("server?filter=ipaddress:10.0.0.12").body().path("server");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).path("name").asText()).isEqualTo("app2");
        assertThat(n.get("server?filter=name:%2F%5Eapp%2F").body().path("server")).hasSize(2);
        assertThat(n.get("server?filter=name:nope").body().has("server")).isFalse();

        assertThat(n.get("servicegroup_servicegroupmember_binding/sg_idp?filter=servername:app2").body()
                .path("servicegroup_servicegroupmember_binding")).hasSize(1);
        assertThat(n.get("lbmonitor?args=type:HTTP-ECV").body().path("lbmonitor")).hasSize(1);
        assertThat(n.get("lbmonitor?args=flavor:x").errorcode()).isEqualTo(278);

        JsonNode a = n.get("lbvserver/vs_idp?attrs=port,lbmethod").body().at("/lbvserver/0");
        assertThat(a.size()).isEqualTo(3);
        assertThat(a.path("lbmethod").asText()).isEqualTo("ROUNDROBIN");

        assertThat(n.get("server?count=yes").body().at("/server/0/__count").asInt()).isEqualTo(2);
        assertThat(n.get("server?pagesize=1&pageno=2").body().at("/server/0/name").asText()).isEqualTo("app2");
    }

    @Test
    void doubleEncodedNamesAreDecoded() {
        ok(n.add("server", Map.of("name", "app 3", "ipaddress", "10.0.0.13")));
        assertThat(n.get("server/app%25203").body().at("/server/0/name").asText()).isEqualTo("app 3");
        assertThat(n.get("server/app%203").body().at("/server/0/name").asText()).isEqualTo("app 3");
    }

    @Test
    void hanodeShowsTheRole() {
        assertThat(n.get("hanode").body().at("/hanode/0/state").asText()).isEqualTo("Primary");
        assertThat(n.get("hanode/0").body().path("hanode")).hasSize(1);
        sim.secondary(true);
        assertThat(n.get("hanode").body().at("/hanode/0/state").asText()).isEqualTo("Secondary");
        assertThat(n.get("hanode").body().at("/hanode/1/state").asText()).isEqualTo("Primary");
    }

    @Test
    void membersAndMonitorBindingsChangeThroughTheGroup() {
        ok(n.put("servicegroup", Nitro.wrap("servicegroup", Map.of("servicegroupname", "sg_idp", "servername", "app1",
                "port", 7001, "weight", 5))));
        ok(n.post("servicegroup?action=disable", Nitro.wrap("servicegroup", Map.of("servicegroupname", "sg_idp",
                "servername", "app2", "port", 7001))));
        ok(n.post("lbmonitor?action=disable", Nitro.wrap("lbmonitor", Map.of("monitorname", "mon_idp",
                "servicegroupname", "sg_idp"))));
        JsonNode members = n.get("servicegroup_servicegroupmember_binding/sg_idp").body()
                .path("servicegroup_servicegroupmember_binding");
        assertThat(members.get(0).path("weight").asText()).isEqualTo("5");
        assertThat(members.get(1).path("state").asText()).isEqualTo("DISABLED");
        assertThat(n.get("servicegroup_lbmonitor_binding/sg_idp").body()
                .at("/servicegroup_lbmonitor_binding/0/monstate").asText()).isEqualTo("DISABLED");
        assertThat(n.put("servicegroup", Nitro.wrap("servicegroup", Map.of("servicegroupname", "sg_idp", "weight", 5)))
                .errorcode()).isEqualTo(1095);
    }

    @Test
    void enableDisableAndUnsetActions() {
        ok(n.post("lbvserver?action=disable", Nitro.wrap("lbvserver", Map.of("name", "vs_idp"))));
        assertThat(n.get("lbvserver/vs_idp").body().at("/lbvserver/0/curstate").asText()).isEqualTo("OUT OF SERVICE");
        assertThat(n.post("lbvserver?action=disable", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "port", 1)))
                .errorcode()).isEqualTo(278);
        ok(n.add("lbvserver", Map.of("name", "vs_b", "servicetype", "SSL")));
        ok(n.put("lbvserver/vs_idp", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "backupvserver", "vs_b",
                "clttimeout", 3600))));
        assertThat(n.get("lbvserver/vs_idp").body().at("/lbvserver/0/backupvserver").asText()).isEqualTo("vs_b");
        ok(n.post("lbvserver?action=unset", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "backupvserver", true,
                "clttimeout", "true"))));
        JsonNode vs = n.get("lbvserver/vs_idp").body().at("/lbvserver/0");
        assertThat(vs.has("backupvserver")).isFalse();
        assertThat(vs.path("clttimeout").asText()).isEqualTo("180");
        assertThat(n.post("lbvserver?action=frobnicate", Nitro.wrap("lbvserver", Map.of("name", "vs_idp")))
                .errorcode()).isEqualTo(1097);
    }

    @Test
    void aCertkeyIsReplacedInPlace() {
        io.hakit.test.ThrowawayCa.Issued next = Setup.CA.issueServer("patientsecure2.hospital.test");
        ok(n.add("systemfile", Setup.upload("lb2.pem", next.chainPem())));
        ok(n.add("systemfile", Setup.upload("lb2.key", next.privateKeyPem())));
        ok(n.post("sslcertkey?action=update", Nitro.wrap("sslcertkey", Map.of("certkey", "ck_lb", "cert", "lb2.pem",
                "key", "lb2.key", "nodomaincheck", true))));
        JsonNode ck = n.get("sslcertkey/ck_lb").body().at("/sslcertkey/0");
        assertThat(ck.path("subject").asText()).contains("patientsecure2");
        assertThat(n.get("sslvserver_sslcertkey_binding/vs_idp").body()
                .at("/sslvserver_sslcertkey_binding/0/certkeyname").asText()).isEqualTo("ck_lb");
    }

    @Test
    void systemfileReadAndDelete() {
        JsonNode one = n.get("systemfile?args=filename:lb.pem,filelocation:%2Fnsconfig%2Fssl").body()
                .at("/systemfile/0");
        assertThat(new String(java.util.Base64.getDecoder().decode(one.path("filecontent").asText()),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(Setup.LB.chainPem());
        assertThat(n.get("systemfile").errorcode()).isEqualTo(1095);
        ok(n.add("systemfile", Setup.upload("junk.txt", "x")));
        ok(n.delete("systemfile/junk.txt?args=filelocation:%2Fnsconfig%2Fssl"));
        assertThat(n.delete("systemfile/junk.txt?args=filelocation:%2Fnsconfig%2Fssl").errorcode()).isEqualTo(258);
    }

    @Test
    void saveAndConfigChanged() {
        assertThat(n.get("nsconfig").body().at("/nsconfig/configchanged").asBoolean()).isTrue();
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{}}"));
        assertThat(n.get("nsconfig").body().at("/nsconfig/configchanged").asBoolean()).isFalse();
        assertThat(n.post("nsconfig?action=save", "{\"nsconfig\":{\"bogus\":1}}").errorcode()).isEqualTo(278);
        ok(n.post("nsconfig?action=save", "{\"nsconfig\":{\"all\":true}}"));
    }

    @Test
    void hl7ActiveStandbyWithANonAddressableBackupVserver() {
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg_hl7_a", "servicetype", "TCP")));
        ok(n.add("servicegroup", Map.of("servicegroupname", "sg_hl7_b", "servicetype", "TCP")));
        ok(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_hl7_a", "servername", "app1",
                "port", 2244)));
        ok(n.add("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_hl7_b", "servername", "app2",
                "port", 2244)));
        ok(n.add("lbvserver", Map.of("name", "vs_hl7_standby", "servicetype", "TCP")));
        ok(n.add("lbvserver", Map.of("name", "vs_hl7", "servicetype", "TCP", "ipv46", "10.0.1.20", "port", 2244,
                "backupvserver", "vs_hl7_standby", "disableprimaryondown", "enabled", "persistencetype", "NONE")));
        ok(n.add("lbvserver_servicegroup_binding", Map.of("name", "vs_hl7", "servicegroupname", "sg_hl7_a")));
        ok(n.add("lbvserver_servicegroup_binding", Map.of("name", "vs_hl7_standby", "servicegroupname", "sg_hl7_b")));

        JsonNode standby = n.get("lbvserver/vs_hl7_standby").body().at("/lbvserver/0");
        assertThat(standby.path("ipv46").asText()).isEqualTo("0.0.0.0");
        assertThat(standby.path("port").asInt()).isZero();
        JsonNode primary = n.get("lbvserver/vs_hl7").body().at("/lbvserver/0");
        assertThat(primary.path("backupvserver").asText()).isEqualTo("vs_hl7_standby");
        assertThat(primary.path("disableprimaryondown").asText()).isEqualTo("ENABLED");
        assertThat(n.delete("lbvserver/vs_hl7_standby").errorcode()).isEqualTo(1070);
        ok(n.delete("lbvserver/vs_hl7"));
        ok(n.delete("lbvserver/vs_hl7_standby"));
    }

    @Test
    void aMonitorBindingWeightChangesThroughTheGroup() {
        ok(n.put("servicegroup", Nitro.wrap("servicegroup", Map.of("servicegroupname", "sg_idp", "servername", "app1",
                "port", 7001, "monitor_name_svc", "mon_idp", "dup_weight", 7))));
        assertThat(n.get("servicegroup_lbmonitor_binding/sg_idp").body()
                .at("/servicegroup_lbmonitor_binding/0/weight").asText()).isEqualTo("7");
        assertThat(n.put("servicegroup", Nitro.wrap("servicegroup", Map.of("servicegroupname", "sg_idp",
                "servername", "app1", "port", 7002, "weight", 2))).errorcode()).isEqualTo(258);
    }

    @Test
    void nsversionAnswers() {
        assertThat(n.get("nsversion").body().at("/nsversion/version").asText()).startsWith("NetScaler");
    }

    @Test
    void renameCarriesEveryReference() {
        ok(n.add("lbvserver", Map.of("name", "vs_b", "servicetype", "SSL")));
        ok(n.put("lbvserver", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "backupvserver", "vs_b"))));
        assertThat(n.post("server?action=rename", Nitro.wrap("server", Map.of("name", "app1", "newname", "app2")))
                .errorcode()).isEqualTo(273);
        ok(n.post("server?action=rename", Nitro.wrap("server", Map.of("name", "app1", "newname", "app1-new"))));
        ok(n.post("servicegroup?action=rename", Nitro.wrap("servicegroup", Map.of("servicegroupname", "sg_idp",
                "newname", "sg_idp2"))));
        ok(n.post("lbvserver?action=rename", Nitro.wrap("lbvserver", Map.of("name", "vs_b", "newname", "vs_b2"))));
        ok(n.post("lbvserver?action=rename", Nitro.wrap("lbvserver", Map.of("name", "vs_idp", "newname", "vs_idp2"))));

        assertThat(n.get("servicegroup_servicegroupmember_binding/sg_idp2").body()
                .path("servicegroup_servicegroupmember_binding").findValuesAsText("servername"))
                .containsExactlyInAnyOrder("app1-new", "app2");
        assertThat(n.get("lbvserver/vs_idp2").body().at("/lbvserver/0/backupvserver").asText()).isEqualTo("vs_b2");
        assertThat(n.get("lbvserver_servicegroup_binding/vs_idp2").body()
                .at("/lbvserver_servicegroup_binding/0/servicegroupname").asText()).isEqualTo("sg_idp2");
        assertThat(n.get("sslvserver_sslcertkey_binding/vs_idp2").body()
                .at("/sslvserver_sslcertkey_binding/0/certkeyname").asText()).isEqualTo("ck_lb");
        assertThat(n.get("sslservicegroup/sg_idp2").status()).isEqualTo(200);
        assertThat(n.get("server/app1").errorcode()).isEqualTo(258);
        ok(n.delete("servicegroup_servicegroupmember_binding/sg_idp2?args=servername:app1-new,port:7001"));
    }

    @Test
    void nonAsciiNamesRoundTrip() {
        ok(n.add("server", Map.of("name", "zürich-ä1", "ipaddress", "10.0.0.21", "comment", "Hôpital")));
        JsonNode s = n.get("server/z%C3%BCrich-%C3%A41").body().at("/server/0");
        assertThat(s.path("name").asText()).isEqualTo("zürich-ä1");
        assertThat(s.path("comment").asText()).isEqualTo("Hôpital");
        assertThat(sim.snapshot().toString()).contains("zürich-ä1");
    }
}
