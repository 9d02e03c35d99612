package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import io.hakit.test.CitrixSimulatorTest;
import io.hakit.test.ForeignObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: an ADC shared with other applications is audited, planned and applied for PatientSecure only. */
@CitrixSimulatorTest
class SharedAdcTest {

    /** Another team's HTTP site on 8080 at its own address, its server added by address. */
    private static final List<String> INTRANET = List.of("lbvserver vs_intranet", "servicegroup sg_intranet",
            "server 10.30.1.11");

    @TempDir
    Path dir;

    CitrixSimulator sim;
    DeviceTarget target;
    private ForeignObjects nitro;

    /** The simulator is started empty by the extension; other teams' objects are loaded through its REST API. */
    @BeforeEach
    void writer() {
        nitro = ForeignObjects.nitro(target);
    }

    /**
     * A NetScaler as hospitals run it, with no PatientSecure: servers by address, an HTTP service group with a
     * monitor behind an HTTP virtual server on 80, an SSL one on 443 with a single member and no certificate, a
     * MySQL service on 3306 and an HTTP site on 8080 with no group yet.
     */
    private void realShapedNetScaler() {
        nitro.add("server", Map.of("name", "10.10.10.21", "ipaddress", "10.10.10.21"));
        nitro.add("server", Map.of("name", "10.10.10.22", "ipaddress", "10.10.10.22"));
        nitro.add("server", Map.of("name", "web01", "ipaddress", "10.10.10.23", "comment", "QA web"));
        nitro.add("lbmonitor", Map.of("monitorname", "mon-app01", "type", "HTTP"));
        nitro.add("servicegroup", Map.of("servicegroupname", "svcgrp-app01", "servicetype", "HTTP"));
        nitro.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "svcgrp-app01",
                "servername", "10.10.10.21", "port", 80));
        nitro.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "svcgrp-app01",
                "servername", "10.10.10.22", "port", 80));
        nitro.bind("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "svcgrp-app01", "monitor_name", "mon-app01"));
        nitro.add("servicegroup", Map.of("servicegroupname", "agentadmin-qa", "servicetype", "SSL"));
        nitro.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "agentadmin-qa",
                "servername", "web01", "port", 8443));
        nitro.add("servicegroup", Map.of("servicegroupname", "sg_mysql", "servicetype", "MYSQL"));
        nitro.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_mysql",
                "servername", "10.10.10.22", "port", 3306));
        nitro.add("lbvserver", Map.of("name", "vip-app01", "servicetype", "HTTP", "ipv46", "10.10.20.21", "port", 80,
                "lbmethod", "ROUNDROBIN"));
        nitro.bind("lbvserver_servicegroup_binding", Map.of("name", "vip-app01", "servicegroupname", "svcgrp-app01"));
        nitro.add("lbvserver", Map.of("name", "vservertest", "servicetype", "SSL", "ipv46", "10.10.20.22", "port", 443,
                "persistencetype", "COOKIEINSERT", "timeout", 2));
        nitro.bind("lbvserver_servicegroup_binding", Map.of("name", "vservertest", "servicegroupname", "agentadmin-qa"));
        nitro.add("lbvserver", Map.of("name", "vs_mysql", "servicetype", "MYSQL", "ipv46", "10.10.20.23", "port", 3306));
        nitro.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_mysql", "servicegroupname", "sg_mysql"));
        nitro.add("lbvserver", Map.of("name", "vs-http-8080", "servicetype", "HTTP", "ipv46", "10.10.20.24", "port", 8080));
    }

    private void intranet() {
        nitro.add("server", Map.of("name", "10.30.1.11", "ipaddress", "10.30.1.11"));
        nitro.add("servicegroup", Map.of("servicegroupname", "sg_intranet", "servicetype", "HTTP"));
        nitro.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_intranet",
                "servername", "10.30.1.11", "port", 8080));
        nitro.add("lbvserver", Map.of("name", "vs_intranet", "servicetype", "HTTP", "ipv46", "10.30.0.6", "port", 8080));
        nitro.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_intranet", "servicegroupname", "sg_intranet"));
    }

    private static List<String> named(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.path()).toList();
    }

    @Test
    void aRealShapedNetScalerWithNoPatientSecureAuditsCleanWithoutATopology() {
        realShapedNetScaler();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            int writes = sim.writeCount();
            AuditReport found = adc.audit(Optional.empty());
            assertThat(found.findings()).isEmpty();
            assertThat(found.isClean()).isTrue();
            assertThat(found.scope()).isEqualTo(AuditReport.Scope.FOUND);
            assertThat(found.outOfScope()).containsExactlyInAnyOrder("lbvserver vip-app01", "lbvserver vservertest",
                    "lbvserver vs_mysql", "lbvserver vs-http-8080", "servicegroup svcgrp-app01",
                    "servicegroup agentadmin-qa", "servicegroup sg_mysql", "server 10.10.10.21", "server 10.10.10.22",
                    "server web01", "lbmonitor mon-app01");
            assertThat(found.toText()).contains("Scope: found (the PatientSecure objects found; no topology given); "
                    + "11 objects of other applications not judged");

            // what the audit said before issue 15: every other team's object judged by the PatientSecure guide
            AuditReport all = adc.audit(Optional.empty(), true);
            assertThat(all.scope()).isEqualTo(AuditReport.Scope.ALL);
            assertThat(all.outOfScope()).isEmpty();
            assertThat(all.isClean()).isFalse();
            assertThat(named(all.findings())).contains("CTX-001 server/10.10.10.21", "CTX-002 servicegroup/agentadmin-qa",
                    "CTX-003 lbvserver/vs_mysql", "CTX-003 lbvserver/vs-http-8080", "TLS-001 lbvserver/vservertest",
                    "AFF-002 lbvserver/vip-app01");
            assertThat(sim.writeCount()).isEqualTo(writes);
        }
    }

    @Test
    void aConvergedDeploymentBesideAForeignHttpVirtualServerAuditsCleanAndCountsItOutOfScope() {
        Deployment d = Fixtures.reference();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            intranet();
            assertThat(adc.apply(d, adc.plan(d), ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

            AuditReport withTopology = adc.audit(Optional.of(d));
            assertThat(named(withTopology.findings())).isEmpty();
            assertThat(withTopology.driftChanges()).isEmpty();
            assertThat(withTopology.isClean()).isTrue();
            assertThat(withTopology.scope()).isEqualTo(AuditReport.Scope.DEPLOYMENT);
            assertThat(withTopology.outOfScope()).containsExactlyElementsOf(INTRANET);
            assertThat(withTopology.toJson()).contains("\"scope\" : \"deployment\"").contains("\"outOfScope\" : 3")
                    .contains("\"lbvserver vs_intranet\"");

            AuditReport found = adc.audit(Optional.empty());
            assertThat(found.findings()).isEmpty();
            assertThat(found.scope()).isEqualTo(AuditReport.Scope.FOUND);
            assertThat(found.outOfScope()).containsExactlyElementsOf(INTRANET);

            AuditReport all = adc.audit(Optional.of(d), true);
            assertThat(named(all.findings())).contains("CTX-003 lbvserver/vs_intranet", "AFF-002 lbvserver/vs_intranet",
                    "CTX-001 server/10.30.1.11");
            assertThat(all.isClean()).isFalse();
        }
    }

    @Test
    void withATopologyOnAnAdcWithoutPatientSecureTheWholeDeploymentIsDriftAndNoForeignObjectIsJudged() {
        realShapedNetScaler();
        Deployment d = Fixtures.reference();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            AuditReport report = adc.audit(Optional.of(d));
            assertThat(report.findings()).isEmpty();
            assertThat(report.outOfScope()).hasSize(11);
            assertThat(report.isClean()).isFalse();
            assertThat(report.driftChanges()).isEqualTo(adc.plan(d).changes()).isNotEmpty()
                    .noneMatch(c -> c.op() == io.hakit.model.plan.ChangeOp.DELETE
                            || c.op() == io.hakit.model.plan.ChangeOp.UNBIND);
        }
    }

    @Test
    void aPlanBesideForeignObjectsNamesNoneOfThemAndTheApplyLeavesThemAsTheyWere() {
        realShapedNetScaler();
        intranet();
        Deployment d = Fixtures.reference();
        List<String> foreign = List.of("vip-app01", "vservertest", "vs_mysql", "vs-http-8080", "vs_intranet",
                "svcgrp-app01", "agentadmin-qa", "sg_mysql", "sg_intranet", "10.10.10.21", "10.10.10.22", "web01",
                "10.30.1.11", "mon-app01");
        JsonNode before = sim.snapshot();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(d);
            assertThat(plan.conflicts()).isEmpty();
            assertThat(plan.changes()).extracting(Change::name).doesNotContainAnyElementsOf(foreign);
            assertThat(plan.changes()).allMatch(c -> c.attributes().values().stream()
                    .noneMatch(v -> foreign.contains(String.valueOf(v))));
            adc.apply(d, plan, ApplyListener.NONE);
            JsonNode after = sim.snapshot();
            for (String type : List.of("lbvserver", "servicegroup", "server", "lbmonitor")) {
                for (JsonNode o : before.path(type)) {
                    assertThat(after.path(type)).as(type).contains(o);
                }
            }
        }
    }

    @Test
    void aForeignObjectWithANameHakitNeedsIsTheOnlyConflict() {
        intranet();
        nitro.add("server", Map.of("name", "app1.hospital.org", "ipaddress", "10.30.1.12"));
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(Fixtures.reference());
            assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Conflict.Kind.FOREIGN_OBJECT, "app1.hospital.org"));
            assertThat(plan.changes()).extracting(Change::name).doesNotContain("vs_intranet", "sg_intranet",
                    "10.30.1.11", "app1.hospital.org");
        }
    }
}
