package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Vendor;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.test.F5SimulatorTest;
import io.hakit.test.ForeignObjects;
import io.hakit.test.ThrowawayDeployment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code hakit audit --vendor f5} on a BIG-IP shared with another application. */
@F5SimulatorTest
class F5AuditScopeCommandTest {

    @TempDir
    Path dir;

    F5Simulator sim;
    DeviceTarget target;
    private Path topology;
    private Path lbKey;

    /** The simulator is started empty by the extension; the reference is written with throwaway certificates. */
    @BeforeEach
    void write() {
        ThrowawayDeployment reference = ThrowawayDeployment.write(Vendor.F5, dir);
        topology = reference.topologyFile();
        lbKey = reference.lbKey();
    }

    /** Another team's HTTP site on 8080 at its own address, its node by address, through iControl REST. */
    private void intranet() {
        ForeignObjects iControl = ForeignObjects.iControl(target);
        iControl.create("ltm/node", Map.of("name", "10.30.1.11", "partition", "Common", "address", "10.30.1.11"));
        iControl.create("ltm/pool", Map.of("name", "intranet_pool", "partition", "Common", "monitor", "/Common/http",
                "members", List.of(Map.of("name", "10.30.1.11:8080", "partition", "Common"))));
        iControl.create("ltm/virtual", Map.of("name", "intranet_vs", "partition", "Common", "destination",
                "/Common/10.30.0.6:8080", "ipProtocol", "tcp", "pool", "/Common/intranet_pool"));
    }

    private CliRun run(String command, String... more) {
        return CliRun.onDevice("f5", sim.url(), command, more);
    }

    @Test
    void aConvergedBigIpBesideAnotherApplicationAuditsCleanCountsItOutOfScopeAndAllJudgesIt() {
        CliRun apply = run("apply", "--lb-key", lbKey.toString(), topology.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        intranet();

        CliRun audit = run("audit", topology.toString());
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Audit of the f5 device: 0 errors").contains("Scope: deployment (the "
                + "topology's objects); 3 objects of other applications not judged (--verbose lists them)")
                .doesNotContain("intranet");

        CliRun verbose = run("audit", topology.toString(), "--verbose");
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.out()).contains("  out of scope: ltm/virtual /Common/intranet_vs\n")
                .contains("  out of scope: ltm/pool /Common/intranet_pool\n")
                .contains("  out of scope: ltm/node /Common/10.30.1.11\n");

        CliRun json = run("audit", "--format", "json");
        assertThat(json.exitCode()).as(json.out()).isZero();
        assertThat(json.out()).contains("\"scope\" : \"found\"").contains("\"outOfScope\" : 3")
                .contains("\"ltm/virtual /Common/intranet_vs\"").contains("\"errors\" : 0");

        CliRun all = run("audit", topology.toString(), "--all");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("Scope: all (every object)").contains("F5-001 ltm/node /Common/10.30.1.11")
                .contains("AFF-002 ltm/virtual /Common/intranet_vs");
    }

    @Test
    void aBigIpWithNoPatientSecureAuditsCleanWithoutATopology() {
        intranet();
        CliRun audit = run("audit");
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Scope: found (the PatientSecure objects found; no topology given); "
                + "3 objects of other applications not judged");
    }
}
