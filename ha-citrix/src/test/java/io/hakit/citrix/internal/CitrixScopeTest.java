package io.hakit.citrix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.Fixtures;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15: which objects of a shared ADC an audit judges. */
class CitrixScopeTest {

    private final Map<String, Map<String, NitroObject>> objects = new LinkedHashMap<>();
    private final List<NitroObject> bindings = new ArrayList<>();

    private void object(NitroResource type, Map<String, Object> attributes) {
        NitroObject o = NitroObject.fromDevice(type.wireName(), attributes);
        objects.computeIfAbsent(type.wireName(), k -> new LinkedHashMap<>()).put(o.name(), o);
    }

    private void binding(NitroResource type, Map<String, Object> attributes) {
        bindings.add(NitroObject.fromDevice(type.wireName(), attributes));
    }

    /**
     * A PatientSecure deployment set up by hand (no hakit marker): Web Services on 7002 and the Admin Console on 80
     * at 10.20.0.50, HL7 on 2244 at 10.20.0.51 with a non-addressable backup; beside it a MySQL service on 3306 and
     * an intranet site on 80 at other addresses, and the ADC's built-in monitor and certificate.
     */
    private DeviceState sharedAdc() {
        object(NitroResource.SERVER, Map.of("name", "app1.hospital.org", "domain", "app1.hospital.org"));
        object(NitroResource.SERVER, Map.of("name", "app2.hospital.org", "domain", "app2.hospital.org"));
        object(NitroResource.SERVER, Map.of("name", "10.30.1.11", "ipaddress", "10.30.1.11"));
        object(NitroResource.LBMONITOR, Map.of("monitorname", "ps-mon", "type", "HTTP-ECV"));
        object(NitroResource.LBMONITOR, Map.of("monitorname", "mysql-mon", "type", "MYSQL"));
        object(NitroResource.LBMONITOR, Map.of("monitorname", "ping-default", "type", "PING",
                "builtin", List.of("DEFAULT")));
        object(NitroResource.SSLCERTKEY, Map.of("certkey", "ps-cert", "cert", "ps.pem", "linkcertkeyname", "ps-ca"));
        object(NitroResource.SSLCERTKEY, Map.of("certkey", "ps-ca", "cert", "ca.pem"));
        object(NitroResource.SSLCERTKEY, Map.of("certkey", "ns-server-certificate", "cert", "ns-server.cert",
                "builtin", List.of("DEFAULT")));
        object(NitroResource.SERVICEGROUP, Map.of("servicegroupname", "sg-ps-web", "servicetype", "SSL"));
        object(NitroResource.SSLSERVICEGROUP, Map.of("servicegroupname", "sg-ps-web", "serverauth", "DISABLED"));
        object(NitroResource.SERVICEGROUP, Map.of("servicegroupname", "sg-ps-ac", "servicetype", "HTTP"));
        object(NitroResource.SERVICEGROUP, Map.of("servicegroupname", "sg-hl7-b", "servicetype", "TCP"));
        object(NitroResource.SERVICEGROUP, Map.of("servicegroupname", "sg-mysql", "servicetype", "MYSQL"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-ps-web", "servicetype", "SSL", "ipv46", "10.20.0.50",
                "port", "7002"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-ps-ac", "servicetype", "HTTP", "ipv46", "10.20.0.50",
                "port", "80"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-hl7", "servicetype", "TCP", "ipv46", "10.20.0.51",
                "port", "2244", "backupvserver", "vs-hl7-b"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-hl7-b", "servicetype", "TCP", "ipv46", "0.0.0.0",
                "port", "0"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-mysql", "servicetype", "MYSQL", "ipv46", "10.30.0.5",
                "port", "3306"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-intranet", "servicetype", "HTTP", "ipv46", "10.30.0.6",
                "port", "80"));
        binding(NitroResource.SERVICEGROUP_MEMBER_BINDING, Map.of("servicegroupname", "sg-ps-web",
                "servername", "app1.hospital.org", "port", "7002"));
        binding(NitroResource.SERVICEGROUP_MEMBER_BINDING, Map.of("servicegroupname", "sg-hl7-b",
                "servername", "app2.hospital.org", "port", "2244"));
        binding(NitroResource.SERVICEGROUP_MEMBER_BINDING, Map.of("servicegroupname", "sg-mysql",
                "servername", "10.30.1.11", "port", "3306"));
        binding(NitroResource.SERVICEGROUP_MONITOR_BINDING, Map.of("servicegroupname", "sg-ps-web",
                "monitor_name", "ps-mon"));
        binding(NitroResource.SERVICEGROUP_MONITOR_BINDING, Map.of("servicegroupname", "sg-mysql",
                "monitor_name", "mysql-mon"));
        binding(NitroResource.LBVSERVER_SERVICEGROUP_BINDING, Map.of("name", "vs-ps-web",
                "servicegroupname", "sg-ps-web"));
        binding(NitroResource.LBVSERVER_SERVICEGROUP_BINDING, Map.of("name", "vs-ps-ac",
                "servicegroupname", "sg-ps-ac"));
        binding(NitroResource.LBVSERVER_SERVICEGROUP_BINDING, Map.of("name", "vs-hl7-b",
                "servicegroupname", "sg-hl7-b"));
        binding(NitroResource.LBVSERVER_SERVICEGROUP_BINDING, Map.of("name", "vs-mysql",
                "servicegroupname", "sg-mysql"));
        binding(NitroResource.SSLVSERVER_CERTKEY_BINDING, Map.of("vservername", "vs-ps-web",
                "certkeyname", "ps-cert"));
        return new DeviceState(objects, bindings);
    }

    @Test
    void withoutATopologyThePatientSecureVirtualServersTheirAddressAndWhatTheyReferenceAreInScope() {
        DeviceState state = sharedAdc();
        CitrixScope scope = CitrixScope.of(state, Optional.empty(), false);

        assertThat(scope.scope()).isEqualTo(AuditReport.Scope.FOUND);
        assertThat(scope.objects()).containsExactlyInAnyOrder("lbvserver|vs-ps-web", "lbvserver|vs-ps-ac",
                "lbvserver|vs-hl7", "lbvserver|vs-hl7-b", "servicegroup|sg-ps-web", "servicegroup|sg-ps-ac",
                "servicegroup|sg-hl7-b", "server|app1.hospital.org", "server|app2.hospital.org", "lbmonitor|ps-mon",
                "sslcertkey|ps-cert", "sslcertkey|ps-ca");
        assertThat(scope.outOfScope()).containsExactly("lbvserver vs-mysql", "lbvserver vs-intranet",
                "servicegroup sg-mysql", "server 10.30.1.11", "lbmonitor mysql-mon");

        DeviceState judged = scope.filter(state);
        assertThat(judged.all(NitroResource.LBVSERVER)).extracting(NitroObject::name)
                .containsExactly("vs-ps-web", "vs-ps-ac", "vs-hl7", "vs-hl7-b");
        assertThat(judged.find(NitroResource.SSLSERVICEGROUP, "sg-ps-web")).isPresent();
        assertThat(judged.bindings(NitroResource.SERVICEGROUP_MEMBER_BINDING)).extracting(NitroObject::name)
                .containsExactly("sg-ps-web", "sg-hl7-b");
        assertThat(CitrixAuditor.audit(judged)).extracting(Finding::path).noneMatch(p -> p.contains("mysql")
                || p.contains("intranet") || p.contains("10.30.1.11"));
        assertThat(CitrixAuditor.audit(state)).extracting(Finding::path).contains("lbvserver/vs-mysql",
                "server/10.30.1.11");
    }

    @Test
    void aServiceGroupInScopeBringsEveryVirtualServerBoundToItAndAPrimaryComesWithItsBackup() {
        object(NitroResource.SERVICEGROUP, Map.of("servicegroupname", "sg", "servicetype", "SSL"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-7003", "servicetype", "SSL", "ipv46", "10.20.0.50",
                "port", "7003"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-8443", "servicetype", "SSL", "ipv46", "10.40.0.1",
                "port", "8443"));
        object(NitroResource.LBVSERVER, Map.of("name", "vs-any", "servicetype", "ANY", "ipv46", "10.40.0.2",
                "port", "0", "backupvserver", "vs-8443"));
        binding(NitroResource.LBVSERVER_SERVICEGROUP_BINDING, Map.of("name", "vs-7003", "servicegroupname", "sg"));
        binding(NitroResource.LBVSERVER_SERVICEGROUP_BINDING, Map.of("name", "vs-8443", "servicegroupname", "sg"));

        CitrixScope scope = CitrixScope.of(new DeviceState(objects, bindings), Optional.empty(), false);

        assertThat(scope.objects()).contains("lbvserver|vs-8443", "lbvserver|vs-any");
        assertThat(scope.outOfScope()).isEmpty();
    }

    @Test
    void withATopologyItsVipAddressItsServersAndItsMarkerDecideAndAnotherDeploymentsObjectsAreOut() {
        object(NitroResource.LBVSERVER, Map.of("name", "hakit-vs-other-7002", "servicetype", "SSL",
                "ipv46", "10.99.0.1", "port", "7002", "comment", "hakit:another-hospital"));
        object(NitroResource.LBVSERVER, Map.of("name", "renamed-by-hand", "servicetype", "SSL",
                "ipv46", "10.99.0.2", "port", "7002", "comment", "hakit:example-hospital"));
        DeviceState state = sharedAdc();
        CitrixScope scope = CitrixScope.of(state, Optional.of(Fixtures.reference()), false);

        assertThat(scope.scope()).isEqualTo(AuditReport.Scope.DEPLOYMENT);
        // the reference topology publishes everything, HL7 included, on 10.20.0.50: the HL7 pair on .51 is not its
        assertThat(scope.has(NitroResource.LBVSERVER, "vs-ps-web")).isTrue();
        assertThat(scope.has(NitroResource.LBVSERVER, "vs-ps-ac")).isTrue();
        assertThat(scope.has(NitroResource.LBVSERVER, "renamed-by-hand")).isTrue();
        assertThat(scope.has(NitroResource.SERVER, "app2.hospital.org")).isTrue();
        assertThat(scope.outOfScope()).containsExactly("lbvserver hakit-vs-other-7002", "lbvserver vs-hl7",
                "lbvserver vs-hl7-b", "lbvserver vs-mysql", "lbvserver vs-intranet", "servicegroup sg-hl7-b",
                "servicegroup sg-mysql", "server 10.30.1.11", "lbmonitor mysql-mon");
    }

    @Test
    void allJudgesEveryObjectAndLeavesNothingOut() {
        DeviceState state = sharedAdc();
        CitrixScope scope = CitrixScope.of(state, Optional.of(Fixtures.reference()), true);

        assertThat(scope.scope()).isEqualTo(AuditReport.Scope.ALL);
        assertThat(scope.outOfScope()).isEmpty();
        assertThat(scope.filter(state).all(NitroResource.LBVSERVER)).hasSize(6);
        assertThat(scope.filter(state).bindings(NitroResource.LBVSERVER_SERVICEGROUP_BINDING)).hasSize(4);
    }

    @Test
    void anAdcWithNoPatientSecureHasNothingInScope() {
        object(NitroResource.LBVSERVER, Map.of("name", "vs-web", "servicetype", "HTTP", "ipv46", "10.30.0.6",
                "port", "80"));
        CitrixScope scope = CitrixScope.of(new DeviceState(objects, bindings), Optional.empty(), false);

        assertThat(scope.objects()).isEmpty();
        assertThat(scope.outOfScope()).containsExactly("lbvserver vs-web");
    }
}
