package io.hakit.f5;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class F5RendererTest {

    @TempDir
    Path dir;

    private List<F5Object> render() {
        return F5Renderer.create().render(io.hakit.f5.functional.SimFixtures.reference(dir)).objects();
    }

    private F5Object find(List<F5Object> objects, F5Type type, String name) {
        return objects.stream().filter(o -> o.type() == type && o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void f5003TcpProfileIdleTimeoutIsAtLeast1860SecondsOnEveryVirtualServer() {
        List<F5Object> objects = render();
        F5Object tcp = find(objects, F5Type.PROFILE_TCP, F5Renderer.TCP_PROFILE);
        assertThat(tcp.attributes()).containsEntry("idleTimeout", 1860L).containsEntry("defaultsFrom", "/Common/tcp");
        objects.stream().filter(o -> o.type() == F5Type.VIRTUAL).forEach(v ->
                assertThat(v.attributes().get("profiles").toString()).contains("/Common/" + F5Renderer.TCP_PROFILE));
    }

    @Test
    void oneVirtualServerAndPoolPerPublishedPortF5004() {
        List<F5Object> objects = render();
        List<String> destinations = objects.stream().filter(o -> o.type() == F5Type.VIRTUAL)
                .map(o -> o.attributes().get("destination").toString()).toList();
        assertThat(destinations).doesNotHaveDuplicates().contains("/Common/10.20.0.50:443", "/Common/10.20.0.50:80",
                "/Common/10.20.0.50:7001", "/Common/10.20.0.50:7008", "/Common/10.20.0.51:2244");
        assertThat(objects.stream().filter(o -> o.type() == F5Type.POOL)).hasSize(destinations.size());
    }

    @Test
    void nodesAreTheServersByFqdnF5001() {
        List<F5Object> nodes = render().stream().filter(o -> o.type() == F5Type.NODE).toList();
        assertThat(nodes).extracting(F5Object::name).containsExactly("app1.hospital.org", "app2.hospital.org");
        assertThat(nodes.get(0).attributes()).containsEntry("fqdn", Map.of("tmName", "app1.hospital.org"))
                .doesNotContainKey("address");
    }

    @Test
    void hl7HasItsOwnAddressAndAPriorityGroupPoolF5002Hl7001() {
        List<F5Object> objects = render();
        F5Object pool = find(objects, F5Type.POOL, "ps-hl7-2244");
        assertThat(pool.attributes()).containsEntry("minActiveMembers", 1L).containsEntry("monitor", "/Common/tcp");
        assertThat(pool.attributes().get("members")).isEqualTo(List.of(
                Map.of("name", "app1.hospital.org:2244", "partition", "Common", "priorityGroup", 20L),
                Map.of("name", "app2.hospital.org:2244", "partition", "Common", "priorityGroup", 10L)));
        F5Object vs = find(objects, F5Type.VIRTUAL, "ps-hl7-2244-vs");
        assertThat(vs.attributes()).containsEntry("destination", "/Common/10.20.0.51:2244").doesNotContainKey("persist");
        assertThat(vs.attributes().get("profiles").toString()).doesNotContain("ssl");
    }

    @Test
    void balancedPoolsWriteZeroPriorityAndMinActiveMembersExplicitly() {
        F5Object pool = find(render(), F5Type.POOL, "ps-web-services-7002");
        assertThat(pool.attributes()).containsEntry("minActiveMembers", 0L)
                .containsEntry("monitor", "/Common/ps-web-services-https");
        assertThat(pool.body().toString()).contains("\"priorityGroup\":0");
    }

    @Test
    void httpsVirtualServersTerminateAndReEncryptWithSourceAddressPersistence() {
        List<F5Object> objects = render();
        F5Object vs = find(objects, F5Type.VIRTUAL, "ps-web-services-7002-vs");
        assertThat(vs.attributes().get("profiles")).isEqualTo(List.of(
                Map.of("name", "/Common/ps-tcp-1860", "context", "all"),
                Map.of("name", "/Common/ps-clientssl", "context", "clientside"),
                Map.of("name", "/Common/ps-serverssl", "context", "serverside")));
        assertThat(vs.attributes()).containsEntry("persist", List.of(Map.of("name", "/Common/ps-source-addr-600")))
                .containsEntry("sourceAddressTranslation", Map.of("type", "automap"))
                .containsEntry("description", "hakit:example-hospital");
        F5Object serverSsl = find(objects, F5Type.PROFILE_SERVER_SSL, F5Renderer.SERVER_SSL);
        assertThat(serverSsl.attributes()).containsEntry("caFile", "/Common/ps-trust-ca.crt")
                .containsEntry("peerCertMode", "require");
    }

    @Test
    void monitorsFollowTheGuideWithTimeoutThreeTimesIntervalPlusOne() {
        F5Object mon = find(render(), F5Type.MONITOR_HTTPS, "ps-web-services-https");
        long interval = (Long) mon.attributes().get("interval");
        assertThat(mon.attributes().get("timeout")).isEqualTo(3 * interval + 1);
        assertThat(mon.attributes().get("send").toString()).startsWith("GET /psws/api/public/status HTTP/1.1");
        assertThat(mon.attributes()).containsEntry("defaultsFrom", "/Common/https");
    }

    @Test
    void objectsComeInTransactionOrder() {
        List<F5Object> objects = render();
        for (int i = 1; i < objects.size(); i++) {
            assertThat(objects.get(i).type().ordinal()).isGreaterThanOrEqualTo(objects.get(i - 1).type().ordinal());
        }
        assertThat(objects.get(0).type()).isEqualTo(F5Type.NODE);
    }

    @Test
    void gtmRendersAWideIpPerName() {
        Deployment d = io.hakit.f5.functional.SimFixtures.reference(dir);
        List<F5Object> objects = F5Renderer.builder().gtmDatacenter("dc1").build().render(d).objects();
        assertThat(objects.stream().filter(o -> o.type() == F5Type.GTM_WIDEIP_A).map(F5Object::name))
                .containsExactlyInAnyOrder("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
        assertThat(find(objects, F5Type.GTM_SERVER, F5Renderer.GTM_SERVER).attributes())
                .containsEntry("datacenter", "/Common/dc1");
    }
}
