package io.hakit.citrix;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import io.hakit.model.Server;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CitrixRendererTest {

    private final Deployment reference = Fixtures.reference();

    @Test
    void rendersTheGuidesObjectsForTheReferenceTopology() {
        CitrixConfig c = CitrixRenderer.render(reference);
        assertThat(c.of(NitroResource.SERVER)).extracting(o -> o.attributes().get("domain"))
                .containsExactly("app1.hospital.org", "app2.hospital.org");
        NitroObject web = c.find(NitroResource.LBVSERVER, "hakit-vs-web-services-7002").orElseThrow();
        assertThat(web.attributes()).containsEntry("servicetype", "SSL").containsEntry("ipv46", "10.20.0.50")
                .containsEntry("port", 7002).containsEntry("persistencetype", "SOURCEIP").containsEntry("timeout", 10L)
                .containsEntry("comment", "hakit:example-hospital");
        assertThat((Long) web.attributes().get("clttimeout")).isGreaterThan(1800L);
        NitroObject group = c.find(NitroResource.SERVICEGROUP, "hakit-sg-web-services-7002").orElseThrow();
        assertThat(group.attributes()).containsEntry("servicetype", "SSL");
        assertThat(c.of(NitroResource.SERVICEGROUP_MEMBER_BINDING)).filteredOn(o -> o.name().equals(group.name()))
                .extracting(o -> o.attributes().get("servername") + ":" + o.attributes().get("port"))
                .containsExactly("app1.hospital.org:7002", "app2.hospital.org:7002");
        assertThat(c.of(NitroResource.SERVICEGROUP_MONITOR_BINDING)).extracting(NitroObject::name)
                .containsAll(c.of(NitroResource.SERVICEGROUP).stream().map(NitroObject::name)
                        .filter(n -> !n.contains("hl7")).toList());
        assertThat(c.find(NitroResource.LBMONITOR, "hakit-mon-identity-server-7001").orElseThrow().attributes())
                .containsEntry("type", "HTTP-ECV").containsEntry("secure", "YES")
                .containsEntry("recv", "IdentityServer4");
        assertThat(c.of(NitroResource.SSLVSERVER_CERTKEY_BINDING)).hasSize(c.of(NitroResource.LBVSERVER).stream()
                .filter(v -> "SSL".equals(v.attributes().get("servicetype"))).toList().size());
        assertThat(c.of(NitroResource.SSLSERVICEGROUP)).allMatch(o -> "ENABLED".equals(o.attributes().get("serverauth")));
        assertThat(c.of(NitroResource.SSLSERVICEGROUP_CERTKEY_BINDING)).allMatch(o ->
                Boolean.TRUE.equals(o.attributes().get("ca"))
                        && CitrixRenderer.TRUST_CERTKEY.equals(o.attributes().get("certkeyname")));
        assertThat(c.keyFiles()).hasSize(1).allSatisfy((file, certkey) -> {
            assertThat(file).startsWith("hakit-lb-cert-").endsWith(".key");
            assertThat(certkey).isEqualTo(CitrixRenderer.LB_CERTKEY);
        });
        assertThat(c.toNitroRequests()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void hl7IsActiveStandbyWithABackupChainCreatedBackupFirst() {
        Deployment three = reference.copy(b -> b.servers(List.of(Server.of("app1.hospital.org"),
                Server.of("app2.hospital.org"), Server.of("app3.hospital.org"))));
        CitrixConfig c = CitrixRenderer.render(three);
        List<NitroObject> hl7 = c.of(NitroResource.LBVSERVER).stream().filter(v -> v.name().contains("hl7")).toList();
        assertThat(hl7).extracting(NitroObject::name).containsExactly("hakit-vs-hl7-2244-standby2",
                "hakit-vs-hl7-2244-standby1", "hakit-vs-hl7-2244");
        assertThat(hl7.get(2).attributes()).containsEntry("port", 2244).containsEntry("servicetype", "TCP")
                .containsEntry("backupvserver", "hakit-vs-hl7-2244-standby1").containsEntry("persistencetype", "NONE");
        assertThat(hl7.get(1).attributes()).containsEntry("backupvserver", "hakit-vs-hl7-2244-standby2")
                .doesNotContainKey("ipv46");
        Map<String, Long> membersPerGroup = new java.util.HashMap<>();
        c.of(NitroResource.SERVICEGROUP_MEMBER_BINDING).stream().filter(m -> m.name().contains("hl7"))
                .forEach(m -> membersPerGroup.merge(m.name(), 1L, Long::sum));
        assertThat(membersPerGroup).hasSize(3).allSatisfy((g, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void theCliBatchSaysTheSame() {
        String batch = CitrixRenderer.render(reference).toCliBatch();
        assertThat(batch).contains("add lb vserver hakit-vs-web-services-7002 SSL 10.20.0.50 7002")
                .contains("-persistencetype SOURCEIP -timeout 10")
                .contains("bind ssl vserver hakit-vs-web-services-7002 -certkeyName hakit-lb-cert")
                .contains("bind ssl serviceGroup hakit-sg-web-services-7002 -certkeyName hakit-trust-ca -CA");
    }
}
