package io.hakit.f5.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import io.hakit.test.F5SimulatorTest;
import io.hakit.test.ForeignObjects;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a BIG-IP shared with other applications is audited, planned and applied for PatientSecure only. */
@F5SimulatorTest
class SharedBigIpTest {

    /** Another team's HTTP site on 8080 at its own address, its node by address. */
    private static final List<String> INTRANET = List.of("ltm/node /Common/10.30.1.11",
            "ltm/pool /Common/intranet_pool", "ltm/virtual /Common/intranet_vs");

    @TempDir
    Path dir;

    F5Simulator sim;
    DeviceTarget target;
    private ForeignObjects iControl;

    /** The simulator is started empty by the extension; other teams' objects are loaded through its REST API. */
    @BeforeEach
    void writer() {
        iControl = ForeignObjects.iControl(target);
    }

    private F5Adapter adapter() {
        return F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(SimFixtures.lbKey(dir)).build();
    }

    private void node(String address) {
        iControl.create("ltm/node", Map.of("name", address, "partition", "Common", "address", address,
                "description", address));
    }

    private void pool(String name, String monitor, String... members) {
        iControl.create("ltm/pool", Map.of("name", name, "partition", "Common", "monitor", monitor, "loadBalancingMode",
                "round-robin", "members", java.util.Arrays.stream(members).map(m -> Map.of("name", m, "partition",
                        "Common")).toList()));
    }

    private void virtual(String name, String destination, String pool) {
        iControl.create("ltm/virtual", Map.of("name", name, "partition", "Common", "destination", destination,
                "ipProtocol", "tcp", "pool", pool, "sourceAddressTranslation", Map.of("type", "automap")));
    }

    /**
     * A BIG-IP as hospitals run it, with no PatientSecure: other teams' pools of nodes by address behind HTTP
     * virtual servers on 80 and a TCP service on 9003, a derived HTTP monitor, and MySQL on 3306.
     */
    private void realShapedBigIp() {
        node("172.16.101.161");
        node("172.16.201.161");
        node("10.1.1.3");
        node("10.30.1.21");
        iControl.create("ltm/monitor/http", Map.of("name", "monitor101", "partition", "Common",
                "defaultsFrom", "/Common/http",
                "send", "GET /health HTTP/1.1\\r\\nHost: web\\r\\n\\r\\n", "recv", "200"));
        iControl.create("ltm/profile/tcp", Map.of("name", "tcp_1001", "partition", "Common",
                "defaultsFrom", "/Common/tcp"));
        pool("pl_web-pool101", "/Common/monitor101", "172.16.101.161:80", "172.16.201.161:80");
        pool("pool-tcp-9003", "/Common/tcp", "10.1.1.3:9003");
        pool("mysql_pool", "/Common/tcp", "10.30.1.21:3306");
        virtual("vip1", "/Common/1.1.1.2:80", "/Common/pl_web-pool101");
        virtual("vs-tcp-9003", "/Common/10.1.1.3:9003", "/Common/pool-tcp-9003");
        virtual("mysql_vs", "/Common/10.30.0.5:3306", "/Common/mysql_pool");
    }

    private void intranet() {
        node("10.30.1.11");
        pool("intranet_pool", "/Common/http", "10.30.1.11:8080");
        virtual("intranet_vs", "/Common/10.30.0.6:8080", "/Common/intranet_pool");
    }

    private static List<String> named(List<Finding> findings) {
        return findings.stream().map(f -> f.rule() + " " + f.path()).toList();
    }

    @Test
    void aRealShapedBigIpWithNoPatientSecureAuditsCleanWithoutATopology() {
        realShapedBigIp();
        try (F5Adapter a = adapter()) {
            int writes = sim.writeCount();
            AuditReport found = a.audit(Optional.empty());
            assertThat(found.findings()).isEmpty();
            assertThat(found.isClean()).isTrue();
            assertThat(found.scope()).isEqualTo(AuditReport.Scope.FOUND);
            assertThat(found.outOfScope()).containsExactlyInAnyOrder("ltm/node /Common/172.16.101.161",
                    "ltm/node /Common/172.16.201.161", "ltm/node /Common/10.1.1.3", "ltm/node /Common/10.30.1.21",
                    "ltm/monitor/http /Common/monitor101", "ltm/profile/tcp /Common/tcp_1001",
                    "ltm/pool /Common/pl_web-pool101", "ltm/pool /Common/pool-tcp-9003", "ltm/pool /Common/mysql_pool",
                    "ltm/virtual /Common/vip1", "ltm/virtual /Common/vs-tcp-9003", "ltm/virtual /Common/mysql_vs");
            assertThat(found.toText(true)).contains("12 objects of other applications not judged:")
                    .contains("  out of scope: ltm/virtual /Common/mysql_vs\n");

            // what the audit said before issue 15: every other team's object judged by the PatientSecure guide
            AuditReport all = a.audit(Optional.empty(), true);
            assertThat(all.scope()).isEqualTo(AuditReport.Scope.ALL);
            assertThat(all.outOfScope()).isEmpty();
            assertThat(all.isClean()).isFalse();
            assertThat(named(all.findings())).contains("F5-001 ltm/node /Common/172.16.101.161",
                    "F5-001 ltm/node /Common/10.30.1.21", "F5-003 ltm/virtual /Common/mysql_vs",
                    "TLS-001 ltm/virtual /Common/vs-tcp-9003", "AFF-002 ltm/virtual /Common/vip1");
            assertThat(sim.writeCount()).isEqualTo(writes);
        }
    }

    @Test
    void aConvergedDeploymentBesideAForeignHttpVirtualServerAndANodeByAddressAuditsClean() {
        Deployment d = SimFixtures.reference(dir);
        try (F5Adapter a = adapter()) {
            assertThat(a.apply(d, a.plan(d), ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            intranet();

            AuditReport withTopology = a.audit(Optional.of(d));
            assertThat(named(withTopology.findings())).isEmpty();
            assertThat(withTopology.driftChanges()).isEmpty();
            assertThat(withTopology.isClean()).isTrue();
            assertThat(withTopology.scope()).isEqualTo(AuditReport.Scope.DEPLOYMENT);
            assertThat(withTopology.outOfScope()).containsExactlyElementsOf(INTRANET);
            assertThat(withTopology.toJson()).contains("\"scope\" : \"deployment\"").contains("\"outOfScope\" : 3")
                    .contains("\"ltm/virtual /Common/intranet_vs\"");

            AuditReport found = a.audit(Optional.empty());
            assertThat(found.findings()).noneMatch(f -> f.severity() == io.hakit.model.validate.Severity.ERROR);
            assertThat(found.findings()).extracting(Finding::path).noneMatch(p -> p.contains("intranet")
                    || p.contains("10.30.1.11"));
            assertThat(found.scope()).isEqualTo(AuditReport.Scope.FOUND);
            assertThat(found.outOfScope()).containsExactlyElementsOf(INTRANET);

            AuditReport all = a.audit(Optional.of(d), true);
            assertThat(named(all.findings())).contains("F5-001 ltm/node /Common/10.30.1.11",
                    "AFF-002 ltm/virtual /Common/intranet_vs", "F5-003 ltm/virtual /Common/intranet_vs");
            assertThat(all.isClean()).isFalse();
        }
    }

    @Test
    void withATopologyOnABigIpWithoutPatientSecureTheWholeDeploymentIsDriftAndNoForeignObjectIsJudged() {
        realShapedBigIp();
        Deployment d = SimFixtures.reference(dir);
        try (F5Adapter a = adapter()) {
            AuditReport report = a.audit(Optional.of(d));
            assertThat(report.findings()).isEmpty();
            assertThat(report.outOfScope()).hasSize(12);
            assertThat(report.isClean()).isFalse();
            assertThat(report.driftChanges()).isEqualTo(a.plan(d).changes()).isNotEmpty()
                    .allMatch(c -> c.op() == ChangeOp.CREATE);
        }
    }

    @Test
    void aPlanBesideForeignObjectsNamesNoneOfThemAndTheApplyLeavesThemAsTheyWere() {
        realShapedBigIp();
        intranet();
        Deployment d = SimFixtures.reference(dir);
        JsonNode before = sim.snapshot();
        try (F5Adapter a = adapter()) {
            Plan plan = a.plan(d);
            assertThat(plan.conflicts()).isEmpty();
            assertThat(plan.changes()).extracting(Change::name).noneMatch(n -> n.contains("172.16")
                    || n.contains("10.1.1.3") || n.contains("10.30.") || n.contains("pool101") || n.contains("9003")
                    || n.contains("mysql") || n.contains("intranet") || n.contains("vip1") || n.contains("_1001"));
            assertThat(a.apply(d, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        }
        JsonNode after = sim.snapshot();
        before.fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(o ->
                assertThat(after.path(type.getKey()).get(o.getKey())).as(type.getKey() + " " + o.getKey())
                        .isEqualTo(o.getValue())));
    }

    @Test
    void aForeignObjectWithANameHakitNeedsIsTheOnlyConflict() {
        intranet();
        iControl.create("ltm/pool", Map.of("name", "ps-web-services-7002", "partition", "Common"));
        try (F5Adapter a = adapter()) {
            Plan plan = a.plan(SimFixtures.reference(dir));
            assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Conflict.Kind.FOREIGN_OBJECT, "/Common/ps-web-services-7002"));
            assertThat(plan.changes()).extracting(Change::name).noneMatch(n -> n.contains("intranet")
                    || n.contains("10.30.1.11"));
        }
    }
}
