package io.hakit.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task: test your own automation against a simulator in JUnit, with no appliance: converge, inject a
 * fault, and check the device was left exactly as it was. The same works with {@code CitrixSimulator}.
 */
class SimulatorsInYourJUnitTest {

    @TempDir
    Path dir;

    @Test
    void aFailedCommitLeavesTheBigIpUntouchedAndTheNextRunConverges() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create("My test CA");
        ThrowawayCa.Issued lb = ca.issueServer("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("lb.pem"), lb.chainPem());
        Files.writeString(certs.resolve("app1.pem"), ca.issueServer("app1.hospital.org").chainPem());
        Files.writeString(certs.resolve("app2.pem"), ca.issueServer("app2.hospital.org").chainPem());
        Files.writeString(certs.resolve("hospital-ca.pem"), ca.certificatePem());
        Files.copy(Path.of("topologies/reference-f5.yaml"), dir.resolve("topology.yaml"));
        Files.writeString(dir.resolve("lb.key"), lb.privateKeyPem());
        Deployment deployment = TopologyLoader.load(dir.resolve("topology.yaml"));

        try (F5Simulator bigip = F5Simulator.builder().credentials("automation", "s3cret").start();
                F5Adapter hakit = F5Adapter.builder().url(bigip.url()).credentials("automation", "s3cret")
                        .lbKey(dir.resolve("lb.key")).build()) {
            JsonNode before = bigip.snapshot();
            bigip.faults().failCommit("01070734:3: Configuration error: injected by the test");

            ApplyResult failed = hakit.apply(deployment, hakit.plan(deployment), ApplyListener.NONE);

            assertThat(failed.succeeded()).isFalse();
            assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("injected by the test"));
            assertThat(bigip.snapshot()).isEqualTo(before);          // nothing half-done on the device

            bigip.faults().clear();
            assertThat(hakit.apply(deployment, hakit.plan(deployment), ApplyListener.NONE).succeeded()).isTrue();
            assertThat(hakit.plan(deployment).isEmpty()).isTrue();   // converged: a re-run writes nothing
        }
    }
}
