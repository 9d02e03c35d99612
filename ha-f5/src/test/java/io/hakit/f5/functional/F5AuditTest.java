package io.hakit.f5.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import io.hakit.test.F5SimulatorTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hakit audit --vendor f5: what is really on the BIG-IP, judged by the guide's rules. */
@F5SimulatorTest
class F5AuditTest {

    @TempDir
    Path dir;
    F5Simulator sim;

    F5Adapter adapter() {
        return F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(SimFixtures.lbKey(dir)).build();
    }

    /** A BIG-IP configured by hand with each of the guide's mistakes. */
    void handBuilt() {
        sim.create("/mgmt/tm/ltm/node", Map.of("name", "10.0.0.11", "partition", "Common", "address", "10.0.0.11"));
        sim.create("/mgmt/tm/ltm/node", Map.of("name", "10.0.0.12", "partition", "Common", "address", "10.0.0.12"));
        sim.create("/mgmt/tm/ltm/pool", Map.of("name", "web", "partition", "Common", "members", List.of(
                Map.of("name", "10.0.0.11:7002", "partition", "Common"), Map.of("name", "10.0.0.12:7002", "partition", "Common"))));
        sim.create("/mgmt/tm/ltm/pool", Map.of("name", "hl7", "partition", "Common", "members", List.of(
                Map.of("name", "10.0.0.11:2244", "partition", "Common"), Map.of("name", "10.0.0.12:2244", "partition", "Common"))));
        // HTTPS on 7002 with the default TCP profile, no persistence, no client-ssl
        sim.create("/mgmt/tm/ltm/virtual", Map.of("name", "web-vs", "partition", "Common",
                "destination", "/Common/10.20.0.50:7002", "ipProtocol", "tcp", "pool", "/Common/web",
                "profiles", List.of(Map.of("name", "tcp", "context", "all"))));
        // HTTPS on 443 with the built-in client-ssl (default.crt) and source-address persistence
        sim.create("/mgmt/tm/ltm/virtual", Map.of("name", "ssl-vs", "partition", "Common",
                "destination", "/Common/10.20.0.50:443", "ipProtocol", "tcp", "pool", "/Common/web",
                "persist", List.of(Map.of("name", "source_addr")),
                "profiles", List.of(Map.of("name", "tcp", "context", "all"), Map.of("name", "clientssl", "context", "clientside"))));
        // every port
        sim.create("/mgmt/tm/ltm/virtual", Map.of("name", "any-vs", "partition", "Common",
                "destination", "/Common/10.20.0.52:0", "ipProtocol", "tcp", "pool", "/Common/web"));
        // HL7 on the web address, balanced
        sim.create("/mgmt/tm/ltm/virtual", Map.of("name", "hl7-vs", "partition", "Common",
                "destination", "/Common/10.20.0.50:2244", "ipProtocol", "tcp", "pool", "/Common/hl7"));
    }

    static List<String> rules(AuditReport r) {
        return r.findings().stream().map(Finding::rule).distinct().sorted().toList();
    }

    @Test
    void aHandBuiltBigIpWithEachGuideMistakeNamesEachRule() {
        handBuilt();
        try (F5Adapter a = adapter()) {
            AuditReport r = a.audit(Optional.empty());
            assertThat(rules(r)).containsExactlyInAnyOrder("AFF-002", "F5-001", "F5-002", "F5-003", "F5-004", "HL7-001",
                    "TLS-001", "TLS-002");
            assertThat(r.byRule("F5-001")).extracting(Finding::path).containsExactlyInAnyOrder(
                    "ltm/node /Common/10.0.0.11", "ltm/node /Common/10.0.0.12");
            assertThat(r.byRule("F5-002")).singleElement().satisfies(f ->
                    assertThat(f.message()).contains("/Common/hl7-vs").contains("10.20.0.50"));
            assertThat(r.byRule("F5-003")).extracting(Finding::path).contains("ltm/virtual /Common/web-vs");
            assertThat(r.byRule("F5-003").get(0).message()).contains("300 s");
            assertThat(r.byRule("F5-004")).singleElement().satisfies(f -> assertThat(f.path()).contains("any-vs"));
            assertThat(r.byRule("HL7-001")).singleElement().satisfies(f ->
                    assertThat(f.message()).contains("/Common/hl7").contains("minActiveMembers 0"));
            assertThat(r.byRule("TLS-001")).extracting(Finding::path).contains("ltm/virtual /Common/web-vs");
            assertThat(r.byRule("TLS-002")).extracting(Finding::path).contains("ltm/virtual /Common/ssl-vs");
            assertThat(r.byRule("AFF-002")).extracting(Finding::severity).containsOnly(Severity.WARNING);
            assertThat(r.source()).isEqualTo(AuditReport.Source.DEVICE);
            assertThat(r.drift()).isEmpty();
        }
    }

    @Test
    void aBigIpConvergedByHakitPassesAndWithTheTopologyShowsNoDrift() {
        Deployment d = SimFixtures.reference(dir);
        try (F5Adapter a = adapter()) {
            a.apply(d, a.plan(d), ApplyListener.NONE);
            AuditReport r = a.audit(Optional.of(d));
            assertThat(r.findings()).as(r.toText()).noneMatch(f -> f.severity() == Severity.ERROR);
            assertThat(r.driftChanges()).isEmpty();
            assertThat(a.audit(Optional.empty()).findings()).noneMatch(f -> f.severity() == Severity.ERROR);
            // the device reports the certificate's SANs, so even without a topology TLS-002 can be judged
            assertThat(a.audit(Optional.empty()).byRule("TLS-002")).isEmpty();
        }
    }

    @Test
    void withATopologyTheAuditListsTheDrift() {
        Deployment d = SimFixtures.reference(dir);
        try (F5Adapter a = adapter()) {
            a.apply(d, a.plan(d), ApplyListener.NONE);
            sim.modify("/mgmt/tm/ltm/profile/tcp/~Common~ps-tcp-1860", Map.of("idleTimeout", 600));
            AuditReport r = a.audit(Optional.of(d));
            assertThat(r.byRule("F5-003")).isNotEmpty();
            assertThat(r.driftChanges()).extracting(c -> c.op() + " " + c.name())
                    .containsExactly("update /Common/ps-tcp-1860");
        }
    }
}
