package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.RecordedRequest;
import io.hakit.test.F5SimulatorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@F5SimulatorTest
class F5SimulatorObjectsTest {
    private F5Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        http = SimHttp.loggedIn(sim);
    }

    @Test
    void nodeCreateReturnsTheDeviceShapeWithDefaults() {
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/node", "{\"name\":\"app1\",\"partition\":\"Common\",\"address\":\"10.0.0.11\"}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode n = r.json();
        assertThat(n.path("kind").asText()).isEqualTo("tm:ltm:node:nodestate");
        assertThat(n.path("fullPath").asText()).isEqualTo("/Common/app1");
        assertThat(n.path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/ltm/node/~Common~app1?ver=17.1.2.1");
        assertThat(n.path("generation").asLong()).isPositive();
        assertThat(n.path("monitor").asText()).isEqualTo("default");
        assertThat(n.path("session").asText()).isEqualTo("user-enabled");
        assertThat(n.path("ratio").asInt()).isEqualTo(1);
        assertThat(n.path("fqdn").path("interval").asText()).isEqualTo("3600");
        JsonNode got = http.get("/mgmt/tm/ltm/node/~Common~app1").json();
        assertThat(got).isEqualTo(n);
    }

    @Test
    void fqdnNodeHasAny6AddressAndKeepsTmName() {
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/node",
                "{\"name\":\"app1.hospital.example\",\"fqdn\":{\"tmName\":\"app1.hospital.example\",\"autopopulate\":\"enabled\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("address").asText()).isEqualTo("any6");
        assertThat(r.json().path("fqdn").path("tmName").asText()).isEqualTo("app1.hospital.example");
        assertThat(r.json().path("fqdn").path("autopopulate").asText()).isEqualTo("enabled");
        assertThat(r.json().path("fqdn").path("downInterval").asInt()).isEqualTo(5);
    }

    @Test
    void generationIncreasesOnEveryChange() {
        long g1 = http.post("/mgmt/tm/ltm/node", "{\"name\":\"n\",\"address\":\"10.0.0.1\"}").json().path("generation").asLong();
        long g2 = http.patch("/mgmt/tm/ltm/node/~Common~n", "{\"description\":\"x\"}").json().path("generation").asLong();
        long g3 = http.patch("/mgmt/tm/ltm/node/~Common~n", "{\"description\":\"y\"}").json().path("generation").asLong();
        assertThat(g2).isGreaterThan(g1);
        assertThat(g3).isGreaterThan(g2);
    }

    @Test
    void poolWithInlineMembersPriorityGroupsAndZeroValues() {
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"hl7\",\"partition\":\"Common\",\"minActiveMembers\":1,"
                + "\"monitor\":\"/Common/tcp\",\"members\":[{\"name\":\"10.0.0.11:2244\",\"priorityGroup\":10},"
                + "{\"name\":\"10.0.0.12:2244\",\"priorityGroup\":0}]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("minActiveMembers").asInt()).isEqualTo(1);
        assertThat(r.json().path("loadBalancingMode").asText()).isEqualTo("round-robin");
        assertThat(r.json().has("members")).as("members are a sub-collection on GET").isFalse();
        assertThat(r.json().path("membersReference").path("isSubcollection").asBoolean()).isTrue();
        assertThat(r.json().path("membersReference").path("link").asText())
                .isEqualTo("https://localhost/mgmt/tm/ltm/pool/~Common~hl7/members?ver=17.1.2.1");
        JsonNode expanded = http.get("/mgmt/tm/ltm/pool/~Common~hl7?expandSubcollections=true").json();
        JsonNode items = expanded.path("membersReference").path("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("kind").asText()).isEqualTo("tm:ltm:pool:members:membersstate");
        assertThat(items.get(0).path("name").asText()).isEqualTo("10.0.0.11:2244");
        assertThat(items.get(0).path("address").asText()).isEqualTo("10.0.0.11");
        assertThat(items.get(0).path("priorityGroup").asInt()).isEqualTo(10);
        assertThat(items.get(1).path("priorityGroup").isInt()).as("zero is a value").isTrue();
        assertThat(items.get(1).path("priorityGroup").asInt()).isZero();
        assertThat(items.get(0).path("selfLink").asText()).contains("/members/~Common~10.0.0.11:2244?");
        assertThat(http.patch("/mgmt/tm/ltm/pool/~Common~hl7", "{\"minActiveMembers\":0}").json()
                .path("minActiveMembers").asInt()).isZero();
        assertThat(http.get("/mgmt/tm/ltm/node/~Common~10.0.0.11").status()).as("a member creates its node").isEqualTo(200);
    }

    @Test
    void membersSubCollectionCrud() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
        SimHttp.Resp add = http.post("/mgmt/tm/ltm/pool/~Common~web/members",
                "{\"name\":\"10.0.0.11:7001\",\"partition\":\"Common\",\"priorityGroup\":5}");
        assertThat(add.status()).isEqualTo(200);
        assertThat(add.json().path("fullPath").asText()).isEqualTo("/Common/10.0.0.11:7001");
        SimHttp.Resp dup = http.post("/mgmt/tm/ltm/pool/~Common~web/members", "{\"name\":\"10.0.0.11:7001\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.message()).isEqualTo("01020066:3: The requested Pool Member (/Common/web /Common/10.0.0.11 7001) "
                + "already exists in partition Common.");
        SimHttp.Resp list = http.get("/mgmt/tm/ltm/pool/~Common~web/members");
        assertThat(list.json().path("kind").asText()).isEqualTo("tm:ltm:pool:members:memberscollectionstate");
        assertThat(list.json().path("items")).hasSize(1);
        SimHttp.Resp disable = http.patch("/mgmt/tm/ltm/pool/~Common~web/members/~Common~10.0.0.11:7001",
                "{\"session\":\"user-disabled\"}");
        assertThat(disable.json().path("session").asText()).isEqualTo("user-disabled");
        assertThat(disable.json().path("priorityGroup").asInt()).as("PATCH keeps the rest").isEqualTo(5);
        assertThat(http.delete("/mgmt/tm/ltm/pool/~Common~web/members/~Common~10.0.0.11:7001").status()).isEqualTo(200);
        SimHttp.Resp gone = http.get("/mgmt/tm/ltm/pool/~Common~web/members/~Common~10.0.0.11:7001");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.message()).startsWith("01020036:3: The requested Pool Member (/Common/web");
        assertThat(http.get("/mgmt/tm/ltm/pool/~Common~web/members").json().has("items")).isFalse();
    }

    @Test
    void ipv6MembersUseADotBeforeThePort() {
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"v6\",\"members\":[{\"name\":\"2001:db8::11.443\"}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = http.get("/mgmt/tm/ltm/pool/~Common~v6/members/~Common~2001:db8::11.443").json();
        assertThat(m.path("address").asText()).isEqualTo("2001:db8::11");
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"bad\",\"members\":[{\"name\":\"10.0.0.1\"}]}").status())
                .isEqualTo(400);
    }

    @Test
    void virtualDestinationsWithRouteDomainsAndIpv6() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
        SimHttp.Resp v4 = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs443\",\"destination\":\"10.0.0.1:443\","
                + "\"ipProtocol\":\"tcp\",\"pool\":\"web\",\"profiles\":[{\"name\":\"tcp\"},\"/Common/clientssl\"],"
                + "\"persist\":[{\"name\":\"source_addr\"}],\"sourceAddressTranslation\":{\"type\":\"automap\"}}");
        assertThat(v4.status()).isEqualTo(200);
        assertThat(v4.json().path("destination").asText()).isEqualTo("/Common/10.0.0.1:443");
        assertThat(v4.json().path("pool").asText()).isEqualTo("/Common/web");
        assertThat(v4.json().path("persist").get(0).path("tmDefault").asText()).isEqualTo("yes");
        assertThat(v4.json().path("sourceAddressTranslation").path("type").asText()).isEqualTo("automap");
        assertThat(v4.json().path("profilesReference").path("isSubcollection").asBoolean()).isTrue();
        assertThat(http.get(v4.json().path("policiesReference").path("link").asText().replace("https://localhost", ""))
                .status()).as("every reference link answers").isEqualTo(200);
        JsonNode profiles = http.get("/mgmt/tm/ltm/virtual/~Common~vs443/profiles").json().path("items");
        assertThat(profiles).hasSize(2);
        assertThat(profiles.get(0).path("context").asText()).isEqualTo("all");
        assertThat(profiles.get(1).path("name").asText()).isEqualTo("clientssl");
        assertThat(profiles.get(1).path("context").asText()).isEqualTo("clientside");
        SimHttp.Resp rd = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs-rd\",\"destination\":\"/Common/10.1.1.1%2:443\"}");
        assertThat(rd.json().path("destination").asText()).isEqualTo("/Common/10.1.1.1%2:443");
        SimHttp.Resp v6 = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs6\",\"destination\":\"/Common/2001:db8::1.443\"}");
        assertThat(v6.json().path("destination").asText()).isEqualTo("/Common/2001:db8::1.443");
        assertThat(http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"x\",\"destination\":\"10.0.0.1\"}").status()).isEqualTo(400);
        SimHttp.Resp clash = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs-copy\",\"destination\":\"10.0.0.1:443\"}");
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.message()).startsWith("01070333:3: Virtual Server /Common/vs-copy illegally shares destination");
    }

    @Test
    void routeDomainNamesAreAddressedWithPercent25() {
        assertThat(http.post("/mgmt/tm/ltm/node", "{\"name\":\"10.0.0.1%2\",\"address\":\"10.0.0.1%2\"}").status()).isEqualTo(200);
        SimHttp.Resp r = http.get("/mgmt/tm/ltm/node/~Common~10.0.0.1%252");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("fullPath").asText()).isEqualTo("/Common/10.0.0.1%2");
        assertThat(r.json().path("selfLink").asText()).contains("~Common~10.0.0.1%252");
        assertThat(http.get("/mgmt/tm/ltm/node/10.0.0.1%252").status()).as("bare names mean /Common").isEqualTo(200);
        assertThat(sim.requests()).extracting(RecordedRequest::path).contains("/mgmt/tm/ltm/node/~Common~10.0.0.1%252");
    }

    @Test
    void monitorAndProfileDefaultsAreTheDevices() {
        JsonNode mon = http.post("/mgmt/tm/ltm/monitor/https", "{\"name\":\"m\",\"send\":\"GET /health HTTP/1.1\\r\\n\","
                + "\"recv\":\"200 OK\"}").json();
        assertThat(mon.path("kind").asText()).isEqualTo("tm:ltm:monitor:https:httpsstate");
        assertThat(mon.path("interval").asInt()).isEqualTo(5);
        assertThat(mon.path("timeout").asInt()).isEqualTo(16);
        assertThat(mon.path("defaultsFrom").asText()).isEqualTo("/Common/https");
        assertThat(mon.path("destination").asText()).isEqualTo("*:*");
        JsonNode tcp = http.post("/mgmt/tm/ltm/profile/tcp", "{\"name\":\"t\"}").json();
        assertThat(tcp.path("idleTimeout").asInt()).isEqualTo(300);
        assertThat(tcp.path("defaultsFrom").asText()).isEqualTo("/Common/tcp");
        assertThat(http.patch("/mgmt/tm/ltm/profile/tcp/~Common~t", "{\"idleTimeout\":1860}").json()
                .path("idleTimeout").asInt()).isEqualTo(1860);
        JsonNode persist = http.post("/mgmt/tm/ltm/persistence/source-addr", "{\"name\":\"p\",\"timeout\":1800}").json();
        assertThat(persist.path("timeout").asText()).as("timeout is a string on a BIG-IP").isEqualTo("1800");
        assertThat(persist.path("timeout").isTextual()).isTrue();
        JsonNode cssl = http.post("/mgmt/tm/ltm/profile/client-ssl", "{\"name\":\"c\"}").json();
        assertThat(cssl.path("defaultsFrom").asText()).isEqualTo("/Common/clientssl");
        JsonNode sssl = http.post("/mgmt/tm/ltm/profile/server-ssl", "{\"name\":\"s\"}").json();
        assertThat(sssl.path("secureRenegotiation").asText()).isEqualTo("require-strict");
    }

    @Test
    void systemSuppliedObjectsExistAndCannotBeDeleted() {
        assertThat(http.get("/mgmt/tm/ltm/monitor/https/~Common~https").status()).isEqualTo(200);
        assertThat(http.get("/mgmt/tm/ltm/profile/tcp/~Common~tcp").json().path("defaultsFrom").asText()).isEqualTo("none");
        SimHttp.Resp r = http.delete("/mgmt/tm/ltm/profile/tcp/~Common~tcp");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).contains("system-supplied");
    }

    @Test
    void unknownAttributeIsRefusedWithTheUnexpectedJsonPairMessage() {
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"min_active_members\":1}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Found unexpected json pair at configuration item /ltm/pool. "
                + "The json pair is \"min_active_members\":1.");
        assertThat(r.json().path("errorStack").isArray()).isTrue();
        assertThat(r.json().path("apiError").asInt()).isEqualTo(26214401);
        assertThat(http.get("/mgmt/tm/ltm/pool/~Common~p").status()).isEqualTo(404);
    }

    @Test
    void badValuesAreRefused() {
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"minActiveMembers\":70000}").message())
                .contains("minActiveMembers");
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p\",\"loadBalancingMode\":\"bogus\"}").status()).isEqualTo(400);
        assertThat(http.post("/mgmt/tm/ltm/node", "{\"name\":\"n\",\"address\":\"not-an-ip\"}").status()).isEqualTo(400);
        assertThat(http.post("/mgmt/tm/ltm/node", "{\"name\":\"n\"}").status()).isEqualTo(400);
        assertThat(http.post("/mgmt/tm/ltm/pool", "{\"partition\":\"Common\"}").message())
                .isEqualTo("one or more configuration identifiers must be provided");
        assertThat(http.post("/mgmt/tm/ltm/pool", "{not json").status()).isEqualTo(400);
    }

    @Test
    void duplicateIs409AndMissingIs404WithTmosBodies() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
        SimHttp.Resp dup = http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\",\"partition\":\"Common\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("code").asInt()).isEqualTo(409);
        assertThat(dup.message()).isEqualTo("01020066:3: The requested Pool (/Common/web) already exists in partition Common.");
        assertThat(dup.json().path("apiError").asInt()).isEqualTo(3);
        SimHttp.Resp missing = http.get("/mgmt/tm/ltm/pool/~Common~nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).isEqualTo("01020036:3: The requested Pool (/Common/nope) was not found.");
        assertThat(http.patch("/mgmt/tm/ltm/pool/~Common~nope", "{}").status()).isEqualTo(404);
        assertThat(http.delete("/mgmt/tm/ltm/pool/~Common~nope").status()).isEqualTo(404);
        assertThat(http.get("/mgmt/tm/ltm/nonsense").status()).isEqualTo(404);
    }

    @Test
    void putReplacesAndPatchMerges() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\",\"description\":\"d\",\"slowRampTime\":30,"
                + "\"members\":[{\"name\":\"10.0.0.1:80\"}]}");
        JsonNode patched = http.patch("/mgmt/tm/ltm/pool/~Common~web", "{\"loadBalancingMode\":\"least-connections-member\"}").json();
        assertThat(patched.path("description").asText()).isEqualTo("d");
        assertThat(patched.path("slowRampTime").asInt()).isEqualTo(30);
        JsonNode put = http.put("/mgmt/tm/ltm/pool/~Common~web", "{\"description\":\"e\"}").json();
        assertThat(put.path("description").asText()).isEqualTo("e");
        assertThat(put.path("slowRampTime").asInt()).as("PUT resets what it does not name").isEqualTo(10);
        assertThat(put.path("loadBalancingMode").asText()).isEqualTo("round-robin");
        assertThat(http.get("/mgmt/tm/ltm/pool/~Common~web/members").json().path("items"))
                .as("members not named in a PUT stay").hasSize(1);
        http.put("/mgmt/tm/ltm/pool/~Common~web", "{\"members\":[{\"name\":\"10.0.0.2:80\"}]}");
        JsonNode members = http.get("/mgmt/tm/ltm/pool/~Common~web/members").json().path("items");
        assertThat(members).hasSize(1);
        assertThat(members.get(0).path("name").asText()).as("members named in a PUT replace all").isEqualTo("10.0.0.2:80");
        assertThat(http.patch("/mgmt/tm/ltm/pool/~Common~web", "{\"name\":\"other\"}").status()).isEqualTo(400);
    }

    @Test
    void collectionsListItemsAndFilterByPartition() {
        SimHttp.Resp empty = http.get("/mgmt/tm/ltm/pool");
        assertThat(empty.json().path("kind").asText()).isEqualTo("tm:ltm:pool:poolcollectionstate");
        assertThat(empty.json().has("items")).as("an empty collection has no items key").isFalse();
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"a\"}");
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"b\",\"partition\":\"Other\"}");
        assertThat(http.get("/mgmt/tm/ltm/pool").json().path("items")).hasSize(2);
        JsonNode only = http.get("/mgmt/tm/ltm/pool?$filter=partition+eq+Common").json().path("items");
        assertThat(only).hasSize(1);
        assertThat(only.get(0).path("fullPath").asText()).isEqualTo("/Common/a");
        assertThat(http.get("/mgmt/tm/ltm/pool/~Other~b").json().path("fullPath").asText()).isEqualTo("/Other/b");
    }

    @Test
    void gtmObjects() {
        assertThat(http.post("/mgmt/tm/gtm/server", "{\"name\":\"bigip1\",\"datacenter\":\"/Common/dc1\","
                + "\"addresses\":[{\"name\":\"192.0.2.1\",\"deviceName\":\"bigip1\"}]}").message())
                .isEqualTo("01020036:3: The requested Datacenter (/Common/dc1) was not found.");
        assertThat(http.post("/mgmt/tm/gtm/datacenter", "{\"name\":\"dc1\"}").status()).isEqualTo(200);
        SimHttp.Resp server = http.post("/mgmt/tm/gtm/server", "{\"name\":\"bigip1\",\"datacenter\":\"/Common/dc1\","
                + "\"addresses\":[{\"name\":\"192.0.2.1\",\"deviceName\":\"bigip1\"}],"
                + "\"virtualServers\":[{\"name\":\"vs443\",\"destination\":\"192.0.2.10:443\"}]}");
        assertThat(server.status()).isEqualTo(200);
        assertThat(server.json().path("kind").asText()).isEqualTo("tm:gtm:server:serverstate");
        assertThat(server.json().path("virtualServersReference").path("link").asText()).contains("/virtual-servers?");
        assertThat(http.get("/mgmt/tm/gtm/server/~Common~bigip1/virtual-servers/vs443").json()
                .path("destination").asText()).isEqualTo("192.0.2.10:443");
        SimHttp.Resp pool = http.post("/mgmt/tm/gtm/pool/a", "{\"name\":\"idm\",\"members\":[{\"name\":\"bigip1:vs443\"}]}");
        assertThat(pool.status()).isEqualTo(200);
        assertThat(pool.json().path("kind").asText()).isEqualTo("tm:gtm:pool:a:astate");
        JsonNode member = http.get("/mgmt/tm/gtm/pool/a/~Common~idm?expandSubcollections=true").json()
                .path("membersReference").path("items").get(0);
        assertThat(member.path("name").asText()).isEqualTo("bigip1:vs443");
        assertThat(member.path("memberOrder").asInt()).isZero();
        assertThat(http.post("/mgmt/tm/gtm/pool/a", "{\"name\":\"x\",\"members\":[{\"name\":\"bigip1:nope\"}]}").status())
                .isEqualTo(400);
        SimHttp.Resp wide = http.post("/mgmt/tm/gtm/wideip/a", "{\"name\":\"idm.hospital.example\",\"poolLbMode\":\"global-availability\","
                + "\"pools\":[{\"name\":\"idm\",\"partition\":\"Common\"}]}");
        assertThat(wide.status()).isEqualTo(200);
        assertThat(wide.json().path("pools").get(0).path("order").asInt()).isZero();
        assertThat(wide.json().path("pools").get(0).path("ratio").asInt()).isEqualTo(1);
        SimHttp.Resp inUse = http.delete("/mgmt/tm/gtm/pool/a/~Common~idm");
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.message()).isEqualTo("01070265:3: The Pool (/Common/idm) cannot be deleted because it is in use by a "
                + "Wide IP (/Common/idm.hospital.example).");
    }

    @Test
    void versionAnswersTheFixtureShape() {
        JsonNode v = http.get("/mgmt/tm/sys/version").json();
        assertThat(v.path("kind").asText()).isEqualTo("tm:sys:version:versionstats");
        JsonNode e = v.path("entries").path("https://localhost/mgmt/tm/sys/version/0").path("nestedStats").path("entries");
        assertThat(e.path("Product").path("description").asText()).isEqualTo("BIG-IP");
        assertThat(e.path("Version").path("description").asText()).isEqualTo("17.1.2.1");
    }
}
