package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.test.CitrixSimulatorTest;
import io.hakit.test.ForeignObjects;
import io.hakit.test.ThrowawayCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code hakit audit --vendor citrix} on an ADC shared with another application. */
@CitrixSimulatorTest
class CitrixAuditScopeCommandTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";

    @TempDir
    Path dir;

    CitrixSimulator sim;
    DeviceTarget target;

    /** Another team's HTTP site on 8080 at its own address, its server added by address, through NITRO. */
    private void intranet() {
        ForeignObjects nitro = ForeignObjects.nitro(target);
        nitro.add("server", Map.of("name", "10.30.1.11", "ipaddress", "10.30.1.11"));
        nitro.add("servicegroup", Map.of("servicegroupname", "sg_intranet", "servicetype", "HTTP"));
        nitro.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_intranet",
                "servername", "10.30.1.11", "port", 8080));
        nitro.add("lbvserver", Map.of("name", "vs_intranet", "servicetype", "HTTP", "ipv46", "10.30.0.6",
                "port", 8080));
        nitro.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_intranet", "servicegroupname", "sg_intranet"));
    }

    private CliRun run(String command, String... more) {
        return CliRun.onDevice("citrix", sim.url(), command, more);
    }

    @Test
    void aConvergedAdcBesideAnotherApplicationAuditsCleanCountsItOutOfScopeAndAllJudgesIt() throws IOException {
        Path key = Files.writeString(dir.resolve("lb.key"),
                ThrowawayCa.create("cli test").issueServer("patientsecure.hospital.org").privateKeyPem());
        intranet();
        CliRun apply = run("apply", CITRIX, "--lb-key", key.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        CliRun audit = run("audit", CITRIX);
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Audit of the citrix device: 0 errors").contains("Scope: deployment (the "
                + "topology's objects); 3 objects of other applications not judged (--verbose lists them)")
                .doesNotContain("vs_intranet");

        CliRun verbose = run("audit", CITRIX, "--verbose");
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.out()).contains("  out of scope: lbvserver vs_intranet\n")
                .contains("  out of scope: servicegroup sg_intranet\n").contains("  out of scope: server 10.30.1.11\n");

        CliRun json = run("audit", "--format", "json");
        assertThat(json.exitCode()).as(json.out()).isZero();
        assertThat(json.out()).contains("\"scope\" : \"found\"").contains("\"outOfScope\" : 3")
                .contains("\"lbvserver vs_intranet\"").contains("\"errors\" : 0");

        CliRun all = run("audit", CITRIX, "--all");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("Scope: all (every object)").contains("CTX-003 lbvserver/vs_intranet")
                .contains("CTX-001 server/10.30.1.11");
    }

    @Test
    void anAdcWithNoPatientSecureAuditsCleanWithoutATopology() {
        intranet();
        CliRun audit = run("audit");
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Scope: found (the PatientSecure objects found; no topology given); "
                + "3 objects of other applications not judged");
    }
}
