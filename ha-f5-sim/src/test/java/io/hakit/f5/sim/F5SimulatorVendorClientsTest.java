package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.test.F5SimulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the vendors' public clients (Ansible f5networks.f5_modules, f5-sdk, bigrest) read and write
 * beyond hakit's own client: each answer in a BIG-IP's shape (docs/vendor-clients.md).
 */
@F5SimulatorTest
class F5SimulatorVendorClientsTest {
    private static final String VER = "?ver=17.1.2.1";
    private F5Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        http = SimHttp.loggedIn(sim);
    }

    private static List<String> names(JsonNode collection) {
        List<String> out = new ArrayList<>();
        collection.path("items").forEach(i -> out.add(i.path("fullPath").asText()));
        return out;
    }

    @Test
    void sysAnswersWithAVersionOnlySelfLinkWithAndWithoutTheSlash() {
        for (String path : List.of("/mgmt/tm/sys/", "/mgmt/tm/sys")) {
            SimHttp.Resp r = http.get(path);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("kind").asText()).isEqualTo("tm:sys:syscollectionstate");
            assertThat(r.json().path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/sys" + VER);
            assertThat(r.json().path("items").get(0).path("reference").path("link").asText())
                    .startsWith("https://localhost/mgmt/tm/sys/").endsWith(VER);
        }
        assertThat(http.basic("admin", "admin").get("/mgmt/tm/sys").status()).isEqualTo(200);
        assertThat(http.post("/mgmt/tm/sys", "{}").status()).isEqualTo(405);
    }

    @Test
    void utilBashRunsTmshSaveSysConfigAsASave() {
        int before = sim.configSaves();
        SimHttp.Resp r = http.post("/mgmt/tm/util/bash", "{\"command\":\"run\",\"utilCmdArgs\":\"-c \\\"tmsh save sys config\\\"\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("kind").asText()).isEqualTo("tm:util:bash:runstate");
        assertThat(r.json().path("command").asText()).isEqualTo("run");
        assertThat(r.json().path("utilCmdArgs").asText()).isEqualTo("-c \"tmsh save sys config\"");
        assertThat(r.json().path("commandResult").asText()).startsWith("Saving running configuration...")
                .doesNotContain("Unexpected Error:");
        assertThat(sim.configSaves()).isEqualTo(before + 1);
    }

    @Test
    void utilBashRefusesEveryOtherCommand() {
        int before = sim.configSaves();
        for (String body : List.of("{\"command\":\"run\",\"utilCmdArgs\":\"-c \\\"tmsh load sys config default\\\"\"}",
                "{\"command\":\"run\",\"utilCmdArgs\":\"-c \\\"rm -rf /config\\\"\"}",
                "{\"command\":\"run\",\"utilCmdArgs\":\"-c \\\"tmsh save sys config; reboot\\\"\"}",
                "{\"command\":\"run\"}",
                "{\"command\":\"save\",\"utilCmdArgs\":\"-c \\\"tmsh save sys config\\\"\"}")) {
            SimHttp.Resp r = http.post("/mgmt/tm/util/bash", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().path("code").asInt()).isEqualTo(400);
        }
        assertThat(http.get("/mgmt/tm/util/bash").status()).isEqualTo(405);
        assertThat(sim.configSaves()).isEqualTo(before);
    }

    @Test
    void provisionListsLtmAndGtmNominalAndTheRestNone() {
        SimHttp.Resp r = http.get("/mgmt/tm/sys/provision/");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("kind").asText()).isEqualTo("tm:sys:provision:provisioncollectionstate");
        assertThat(body.path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/sys/provision" + VER);
        List<String> provisioned = new ArrayList<>();
        body.path("items").forEach(i -> {
            assertThat(i.path("kind").asText()).isEqualTo("tm:sys:provision:provisionstate");
            assertThat(i.path("selfLink").asText()).isEqualTo("https://localhost/mgmt/tm/sys/provision/"
                    + i.path("name").asText() + VER);
            if (!i.path("level").asText().equals("none")) {
                provisioned.add(i.path("name").asText() + "=" + i.path("level").asText());
            }
        });
        assertThat(provisioned).containsExactlyInAnyOrder("ltm=nominal", "gtm=nominal");
        assertThat(body.path("items").size()).isGreaterThan(2);
    }

    @Test
    void builtInProfileAndTunnelCollectionsCarryTheirSystemObjects() {
        assertThat(names(http.get("/mgmt/tm/net/tunnels/gre").json())).containsExactly("/Common/gre", "/Common/nvgre");
        assertThat(names(http.get("/mgmt/tm/net/tunnels/ipip").json())).containsExactly("/Common/ip4ip4", "/Common/ip4ip6",
                "/Common/ip6ip4", "/Common/ip6ip6", "/Common/ipip");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/fasthttp/").json())).containsExactly("/Common/fasthttp");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/fastl4/").json())).containsExactly("/Common/fastL4",
                "/Common/full-acceleration");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/diameter/").json())).containsExactly("/Common/diameter");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/sip/").json())).containsExactly("/Common/sip");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/udp/").json())).containsExactly("/Common/udp",
                "/Common/udp_decrement_ttl", "/Common/udp_gtm_dns");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/dhcpv4/").json())).containsExactly("/Common/dhcpv4");
        assertThat(names(http.get("/mgmt/tm/ltm/profile/dhcpv6/").json())).containsExactly("/Common/dhcpv6");
        assertThat(names(http.get("/mgmt/tm/ltm/message-routing/sip/profile/session/").json()))
                .containsExactly("/Common/sipsession");
        JsonNode fastl4 = http.get("/mgmt/tm/ltm/profile/fastl4").json();
        assertThat(fastl4.path("kind").asText()).isEqualTo("tm:ltm:profile:fastl4:fastl4collectionstate");
        JsonNode item = fastl4.path("items").get(0);
        assertThat(item.path("kind").asText()).isEqualTo("tm:ltm:profile:fastl4:fastl4state");
        assertThat(item.path("selfLink").asText())
                .isEqualTo("https://localhost/mgmt/tm/ltm/profile/fastl4/~Common~fastL4" + VER);
        assertThat(http.get("/mgmt/tm/net/tunnels/gre").json().path("items").get(0).path("kind").asText())
                .isEqualTo("tm:net:tunnels:gre:grestate");
        assertThat(http.delete("/mgmt/tm/net/tunnels/gre/~Common~gre").status()).isEqualTo(400);
    }

    @Test
    void echoQueryAnswersBasicAuthAndRefusesAnonymous() {
        SimHttp.Resp r = http.basic("admin", "admin").get("/mgmt/shared/echo-query");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("kind").asText()).isEqualTo("shared:echo:echoworkerstate");
        assertThat(http.basic("admin", "wrong").get("/mgmt/shared/echo-query").status()).isEqualTo(401);
        assertThat(http.anonymous().get("/mgmt/shared/echo-query").status()).isEqualTo(401);
    }

    @Test
    void ipProtocolIsAcceptedAsNumberOrNameAndShownAsTheName() {
        SimHttp.Resp n = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs-n\",\"destination\":\"/Common/10.1.10.100:443\","
                + "\"ipProtocol\":6}");
        assertThat(n.status()).isEqualTo(200);
        assertThat(n.json().path("ipProtocol").asText()).isEqualTo("tcp");
        assertThat(http.get("/mgmt/tm/ltm/virtual/~Common~vs-n").json().path("ipProtocol").isTextual()).isTrue();
        assertThat(http.patch("/mgmt/tm/ltm/virtual/~Common~vs-n", "{\"ipProtocol\":17}").json().path("ipProtocol").asText())
                .isEqualTo("udp");
        assertThat(http.patch("/mgmt/tm/ltm/virtual/~Common~vs-n", "{\"ipProtocol\":\"132\"}").json().path("ipProtocol")
                .asText()).isEqualTo("sctp");
        assertThat(http.patch("/mgmt/tm/ltm/virtual/~Common~vs-n", "{\"ipProtocol\":\"tcp\"}").json().path("ipProtocol")
                .asText()).isEqualTo("tcp");
        SimHttp.Resp bad = http.patch("/mgmt/tm/ltm/virtual/~Common~vs-n", "{\"ipProtocol\":4242}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).startsWith("Invalid value for ipProtocol: 4242");
        assertThat(http.patch("/mgmt/tm/ltm/virtual/~Common~vs-n", "{\"ipProtocol\":\"bogus\"}").status()).isEqualTo(400);
    }

    @Test
    void virtualCarriesNameReferencePoolReferenceAndRulesReference() {
        http.post("/mgmt/tm/ltm/pool", "{\"name\":\"p1\"}");
        SimHttp.Resp r = http.post("/mgmt/tm/ltm/virtual", "{\"name\":\"vs-r\",\"destination\":\"/Common/10.1.10.101:443\","
                + "\"ipProtocol\":\"tcp\",\"pool\":\"p1\",\"profiles\":[{\"name\":\"tcp\"},{\"name\":\"clientssl\"}]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode vs = http.get("/mgmt/tm/ltm/virtual/~Common~vs-r?expandSubcollections=true").json();
        assertThat(vs.path("poolReference").path("link").asText())
                .isEqualTo("https://localhost/mgmt/tm/ltm/pool/~Common~p1" + VER);
        assertThat(vs.has("rulesReference")).isFalse();
        JsonNode items = vs.path("profilesReference").path("items");
        assertThat(items.size()).isEqualTo(2);
        for (JsonNode p : items) {
            String type = p.path("name").asText().equals("tcp") ? "tcp" : "client-ssl";
            assertThat(p.path("nameReference").path("link").asText()).isEqualTo("https://localhost/mgmt/tm/ltm/profile/"
                    + type + "/~Common~" + p.path("name").asText() + VER);
        }
        JsonNode listed = http.get("/mgmt/tm/ltm/virtual/~Common~vs-r/profiles").json().path("items").get(0);
        assertThat(listed.has("nameReference")).isTrue();
        // the links a client reads it may send back: read-only, ignored on input
        assertThat(http.put("/mgmt/tm/ltm/virtual/~Common~vs-r", vs.toString()).status()).isEqualTo(200);
    }

    @Test
    void profilesCarryDefaultsFromAndCertAndKeyReferences() {
        http.post("/mgmt/tm/ltm/profile/client-ssl", "{\"name\":\"cs1\",\"defaultsFrom\":\"/Common/clientssl\"}");
        JsonNode cs = http.get("/mgmt/tm/ltm/profile/client-ssl/~Common~cs1").json();
        assertThat(cs.path("defaultsFromReference").path("link").asText())
                .isEqualTo("https://localhost/mgmt/tm/ltm/profile/client-ssl/~Common~clientssl" + VER);
        assertThat(cs.path("certReference").path("link").asText())
                .isEqualTo("https://localhost/mgmt/tm/sys/file/ssl-cert/~Common~default.crt" + VER);
        assertThat(cs.path("keyReference").path("link").asText())
                .isEqualTo("https://localhost/mgmt/tm/sys/file/ssl-key/~Common~default.key" + VER);
        JsonNode builtin = http.get("/mgmt/tm/ltm/profile/tcp/~Common~tcp").json();
        assertThat(builtin.has("defaultsFromReference")).isFalse();
    }
}
