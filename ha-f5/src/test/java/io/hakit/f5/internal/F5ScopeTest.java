package io.hakit.f5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Renderer;
import io.hakit.f5.F5Type;
import io.hakit.f5.functional.SimFixtures;
import io.hakit.model.Deployment;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: which objects of a shared BIG-IP an audit judges. */
class F5ScopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<F5Object> objects = new ArrayList<>();

    /** One item as a BIG-IP returns it: name, partition, fullPath and the attributes. */
    private void item(F5Type type, String name, Map<String, Object> attributes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("partition", "Common");
        body.put("fullPath", "/Common/" + name);
        body.putAll(attributes);
        objects.add(F5Object.fromDevice(type, JSON.valueToTree(body)));
    }

    private static Map<String, Object> items(List<Map<String, Object>> items) {
        return Map.of("isSubcollection", true, "items", items);
    }

    private static Map<String, Object> member(String name) {
        return Map.of("name", name, "partition", "Common");
    }

    private void virtual(String name, String destination, String pool, List<String> profiles, String persist) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("destination", destination);
        a.put("ipProtocol", "tcp");
        a.put("pool", pool);
        a.put("profilesReference", items(profiles.stream().map(p -> Map.<String, Object>of("name", p,
                "partition", "Common", "fullPath", "/Common/" + p, "context", "all")).toList()));
        if (persist != null) {
            a.put("persist", List.of(Map.of("name", persist, "partition", "Common", "tmDefault", "yes")));
        }
        item(F5Type.VIRTUAL, name, a);
    }

    /**
     * PatientSecure set up by hand (no marker) at 10.20.0.50 (Web Services on 7002, the Admin Console on 443) and
     * HL7 at 10.20.0.51:2244, beside other teams' pools of nodes by address, an HTTP virtual server and MySQL on
     * 3306, and what the BIG-IP ships.
     */
    private DeviceState sharedBigIp() {
        item(F5Type.NODE, "app1.hospital.org", Map.of("address", "any6", "fqdn", Map.of("tmName", "app1.hospital.org")));
        item(F5Type.NODE, "10.20.1.12", Map.of("address", "10.20.1.12"));
        item(F5Type.NODE, "172.16.101.161", Map.of("address", "172.16.101.161", "description", "172.16.101.161"));
        item(F5Type.NODE, "172.16.201.161", Map.of("address", "172.16.201.161"));
        item(F5Type.MONITOR_HTTPS, "https", Map.of());
        item(F5Type.MONITOR_HTTPS, "ps_https", Map.of("defaultsFrom", "/Common/https"));
        item(F5Type.MONITOR_HTTP, "http", Map.of());
        item(F5Type.MONITOR_HTTP, "monitor101", Map.of("defaultsFrom", "/Common/http"));
        item(F5Type.PROFILE_TCP, "tcp", Map.of("defaultsFrom", "none"));
        item(F5Type.PROFILE_TCP, "tcp-lan-optimized", Map.of("defaultsFrom", "/Common/tcp-legacy"));
        item(F5Type.PROFILE_TCP, "tcp_1860", Map.of("defaultsFrom", "/Common/tcp", "idleTimeout", 1860));
        item(F5Type.PROFILE_TCP, "tcp_1001", Map.of("defaultsFrom", "/Common/tcp"));
        item(F5Type.PERSISTENCE_SOURCE_ADDR, "source_addr", Map.of("defaultsFrom", "none", "timeout", "180"));
        item(F5Type.SSL_CERT, "default.crt", Map.of());
        item(F5Type.SSL_CERT, "ps.crt", Map.of("subjectAlternativeName", "DNS:patientsecure.hospital.org"));
        item(F5Type.SSL_CERT, "intranet.crt", Map.of());
        item(F5Type.PROFILE_CLIENT_SSL, "clientssl", Map.of("defaultsFrom", "none"));
        item(F5Type.PROFILE_CLIENT_SSL, "ps_clientssl", Map.of("defaultsFrom", "/Common/clientssl",
                "certKeyChain", List.of(Map.of("name", "ps", "cert", "/Common/ps.crt", "key", "/Common/ps.key"))));
        item(F5Type.PROFILE_CLIENT_SSL, "intranet_clientssl", Map.of("defaultsFrom", "/Common/clientssl",
                "cert", "/Common/intranet.crt"));
        item(F5Type.POOL, "ps_web", Map.of("monitor", "/Common/ps_https and /Common/gateway_icmp",
                "membersReference", items(List.of(member("app1.hospital.org:7002"), member("10.20.1.12:7002")))));
        item(F5Type.POOL, "ps_ac", Map.of("membersReference", items(List.of(member("app1.hospital.org:443")))));
        item(F5Type.POOL, "ps_hl7", Map.of("monitor", "/Common/tcp", "membersReference",
                items(List.of(member("app1.hospital.org:2244")))));
        item(F5Type.POOL, "pl_web-pool101", Map.of("monitor", "/Common/monitor101",
                "membersReference", items(List.of(member("172.16.101.161:80"), member("172.16.201.161:80")))));
        item(F5Type.POOL, "mysql_pool", Map.of("membersReference", items(List.of(member("172.16.201.161:3306")))));
        virtual("ps_web_vs", "/Common/10.20.0.50:7002", "/Common/ps_web", List.of("tcp_1860", "ps_clientssl"),
                "source_addr");
        virtual("ps_ac_vs", "/Common/10.20.0.50:443", "/Common/ps_ac", List.of("tcp_1860", "ps_clientssl"),
                "source_addr");
        virtual("ps_hl7_vs", "/Common/10.20.0.51:2244", "/Common/ps_hl7", List.of("tcp_1860"), null);
        virtual("vip1", "/Common/1.1.1.2:443", "/Common/pl_web-pool101", List.of("tcp", "intranet_clientssl"), null);
        virtual("mysql_vs", "/Common/10.30.0.5:3306", "/Common/mysql_pool", List.of("tcp_1001"), null);
        return DeviceState.of(EnumSet.range(F5Type.NODE, F5Type.VIRTUAL), objects);
    }

    private static final List<String> FOREIGN = List.of("ltm/node /Common/172.16.101.161",
            "ltm/node /Common/172.16.201.161", "ltm/monitor/http /Common/monitor101", "ltm/profile/tcp /Common/tcp_1001",
            "sys/file/ssl-cert /Common/intranet.crt", "ltm/profile/client-ssl /Common/intranet_clientssl",
            "ltm/pool /Common/pl_web-pool101", "ltm/pool /Common/mysql_pool", "ltm/virtual /Common/vip1",
            "ltm/virtual /Common/mysql_vs");

    @Test
    void withoutATopologyThePatientSecureVirtualServersTheirAddressesAndWhatTheyReferenceAreInScope() {
        DeviceState state = sharedBigIp();
        F5Scope scope = F5Scope.of(state, Optional.empty(), List.of(), false);

        assertThat(scope.scope()).isEqualTo(AuditReport.Scope.FOUND);
        assertThat(scope.objects()).containsExactlyInAnyOrder("ltm/virtual /Common/ps_web_vs",
                "ltm/virtual /Common/ps_ac_vs", "ltm/virtual /Common/ps_hl7_vs", "ltm/pool /Common/ps_web",
                "ltm/pool /Common/ps_ac", "ltm/pool /Common/ps_hl7", "ltm/node /Common/app1.hospital.org",
                "ltm/node /Common/10.20.1.12", "ltm/monitor/https /Common/ps_https", "ltm/monitor/https /Common/https",
                "ltm/profile/tcp /Common/tcp_1860", "ltm/profile/tcp /Common/tcp",
                "ltm/profile/client-ssl /Common/ps_clientssl", "ltm/profile/client-ssl /Common/clientssl",
                "sys/file/ssl-cert /Common/ps.crt", "ltm/persistence/source-addr /Common/source_addr");
        // what the BIG-IP ships and nothing references is neither judged nor counted
        assertThat(scope.outOfScope()).containsExactlyElementsOf(FOREIGN);

        DeviceState judged = scope.filter(state);
        assertThat(Auditor.audit(judged, Optional.empty())).extracting(Finding::path)
                .noneMatch(p -> p.contains("172.16") || p.contains("vip1") || p.contains("mysql"));
        assertThat(Auditor.audit(state, Optional.empty())).extracting(Finding::path).contains(
                "ltm/node /Common/172.16.101.161", "ltm/virtual /Common/vip1", "ltm/virtual /Common/mysql_vs");
    }

    @Test
    void aPoolInScopeBringsEveryVirtualServerSendingToIt() {
        item(F5Type.POOL, "web", Map.of());
        virtual("web_vs", "/Common/10.20.0.50:7002", "/Common/web", List.of(), null);
        virtual("any_vs", "/Common/10.20.0.52:0", "/Common/web", List.of(), null);
        F5Scope scope = F5Scope.of(DeviceState.of(List.of(F5Type.POOL, F5Type.VIRTUAL), objects), Optional.empty(),
                List.of(), false);

        assertThat(scope.has(F5Type.VIRTUAL, "/Common/any_vs")).isTrue();
        assertThat(scope.outOfScope()).isEmpty();
    }

    @Test
    void withATopologyItsVipAddressesItsServersNodesAndItsMarkerDecideAndAnotherDeploymentsObjectsAreOut() {
        item(F5Type.POOL, "ps-other-7002", Map.of("description", "hakit:another-hospital"));
        item(F5Type.PROFILE_TCP, "renamed-by-hand", Map.of("description", "hakit:example-hospital"));
        DeviceState state = sharedBigIp();
        Deployment d = SimFixtures.reference(dir);
        F5Scope scope = F5Scope.of(state, Optional.of(d), F5Renderer.create().render(d).objects(), false);

        assertThat(scope.scope()).isEqualTo(AuditReport.Scope.DEPLOYMENT);
        assertThat(scope.has(F5Type.VIRTUAL, "/Common/ps_web_vs")).isTrue();
        assertThat(scope.has(F5Type.VIRTUAL, "/Common/ps_hl7_vs")).isTrue();
        assertThat(scope.has(F5Type.PROFILE_TCP, "/Common/renamed-by-hand")).isTrue();
        assertThat(scope.has(F5Type.NODE, "/Common/app1.hospital.org")).isTrue();
        List<String> out = new ArrayList<>(FOREIGN);
        out.add(6, "ltm/pool /Common/ps-other-7002");
        assertThat(scope.outOfScope()).containsExactlyElementsOf(out);
    }

    @Test
    void allJudgesEveryObjectAndLeavesNothingOut() {
        DeviceState state = sharedBigIp();
        F5Scope scope = F5Scope.of(state, Optional.empty(), List.of(), true);

        assertThat(scope.scope()).isEqualTo(AuditReport.Scope.ALL);
        assertThat(scope.outOfScope()).isEmpty();
        assertThat(scope.filter(state).all(F5Type.VIRTUAL)).hasSize(5);
    }

    @Test
    void aPoolsMonitorRuleNamesEachMonitor() {
        assertThat(F5Scope.monitors("/Common/a and b")).containsExactly("/Common/a", "/Common/b");
        assertThat(F5Scope.monitors("min 1 of { /Common/a /Common/b }")).containsExactly("/Common/a", "/Common/b");
        assertThat(F5Scope.monitors("")).isEmpty();
    }
}
