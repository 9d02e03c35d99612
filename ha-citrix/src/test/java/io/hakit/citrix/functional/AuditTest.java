package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import io.hakit.test.CitrixSimulatorTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@CitrixSimulatorTest
class AuditTest {

    @TempDir
    Path dir;

    @Test
    void anAdcHakitConvergedPassesTheGuidesRules(CitrixSimulator sim) {
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            io.hakit.model.Deployment d = Fixtures.reference();
            adc.apply(d, adc.plan(d), ApplyListener.NONE);
            AuditReport report = adc.audit(Optional.empty());
            assertThat(report.findings()).isEmpty();
            assertThat(report.source()).isEqualTo(AuditReport.Source.DEVICE);
            AuditReport withTopology = adc.audit(Optional.of(d));
            assertThat(withTopology.driftChanges()).isEmpty();
            sim.update("lbvserver", Map.of("name", "hakit-vs-web-services-7002", "timeout", 30));
            AuditReport drifted = adc.audit(Optional.of(d));
            assertThat(drifted.byRule("AFF-002")).extracting(Finding::path)
                    .containsExactly("lbvserver/hakit-vs-web-services-7002");
            assertThat(drifted.driftChanges()).anyMatch(c -> c.name().equals("hakit-vs-web-services-7002")
                    && Long.valueOf(10).equals(c.after().get("timeout")));
            assertThat(drifted.toJson()).contains("\"drift\"");
        }
    }

    @Test
    void aHandBuiltAdcWithEachGuideMistakeIsNamedByRule(CitrixSimulator sim) {
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            // CTX-001: a server added by IP address
            sim.add("server", Map.of("name", "10.1.1.11", "ipaddress", "10.1.1.11"));
            sim.add("server", Map.of("name", "app2.hospital.org", "domain", "app2.hospital.org"));
            // CTX-002: an HTTP group with one member behind an SSL vserver; TLS-001: no certificate;
            // AFF-002: cookie persistence; HC-005: no monitor
            sim.add("servicegroup", Map.of("servicegroupname", "sg_web", "servicetype", "HTTP"));
            sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_web",
                    "servername", "10.1.1.11", "port", 7002));
            sim.add("lbvserver", Map.of("name", "vs_web", "servicetype", "SSL", "ipv46", "10.20.0.50", "port", 7002,
                    "persistencetype", "COOKIEINSERT", "timeout", 2));
            sim.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_web", "servicegroupname", "sg_web"));
            // TLS-004: an SSL group that does not verify the servers' certificates
            sim.add("servicegroup", Map.of("servicegroupname", "sg_ui", "servicetype", "SSL"));
            sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_ui",
                    "servername", "app2.hospital.org", "port", 7004));
            sim.add("lbvserver", Map.of("name", "vs_rep", "servicetype", "SSL", "ipv46", "10.20.0.50", "port", 7004,
                    "persistencetype", "SOURCEIP", "timeout", 10));
            sim.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_rep", "servicegroupname", "sg_ui"));
            // CTX-003: a published HTTPS port as a plain HTTP vserver, and one with no group
            sim.add("lbvserver", Map.of("name", "vs_ui", "servicetype", "HTTP", "ipv46", "10.20.0.50", "port", 7003,
                    "persistencetype", "SOURCEIP", "timeout", 10));
            // CTX-004: HL7 balanced across two members, no backup vserver
            sim.add("servicegroup", Map.of("servicegroupname", "sg_hl7", "servicetype", "TCP"));
            sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_hl7",
                    "servername", "app2.hospital.org", "port", 2244));
            sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_hl7",
                    "servername", "10.1.1.11", "port", 2244));
            sim.add("lbvserver", Map.of("name", "vs_hl7", "servicetype", "TCP", "ipv46", "10.20.0.50", "port", 2244));
            sim.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_hl7", "servicegroupname", "sg_hl7"));

            AuditReport report = adc.audit(Optional.empty());
            List<Finding> f = report.findings();
            assertThat(f).extracting(Finding::rule).contains("CTX-001", "CTX-002", "CTX-003", "CTX-004", "TLS-001",
                    "AFF-002", "HC-005", "TLS-004");
            assertThat(report.byRule("TLS-004")).extracting(Finding::path).containsExactly("sslservicegroup/sg_ui");
            assertThat(report.byRule("TLS-004").get(0).message()).contains("no CA certificate")
                    .contains("serverauth DISABLED");
            assertThat(report.byRule("CTX-001")).anyMatch(x -> x.path().equals("server/10.1.1.11")
                    && x.severity() == Severity.ERROR);
            assertThat(report.byRule("TLS-001")).extracting(Finding::path)
                    .containsExactlyInAnyOrder("lbvserver/vs_web", "lbvserver/vs_rep");
            assertThat(report.byRule("CTX-004")).extracting(Finding::message)
                    .anyMatch(m -> m.contains("balances across 2 members")).anyMatch(m -> m.contains("no backup"));
            assertThat(report.byRule("CTX-003")).extracting(Finding::path).contains("lbvserver/vs_ui");
            assertThat(report.byRule("AFF-002")).extracting(Finding::path).containsExactly("lbvserver/vs_web");
            assertThat(report.byRule("HC-005")).extracting(Finding::severity).containsOnly(Severity.INFO);
            assertThat(report.toJson()).contains("\"source\"");
            assertThat(sim.writeCount()).isZero();
        }
    }
}
