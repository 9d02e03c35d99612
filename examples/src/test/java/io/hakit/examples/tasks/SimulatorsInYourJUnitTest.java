package io.hakit.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.test.F5SimulatorTest;
import io.hakit.test.ThrowawayDeployment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task: test your own automation against a simulator in JUnit, with no appliance: converge, inject a
 * fault, and check the device was left exactly as it was. The same works with
 * {@code @CitrixSimulatorTest} and {@code CitrixSimulator}. docs/testing.md shows the region between
 * the tag comments; {@code TestingDocTest} keeps the two the same.
 */
// tag::user-test[]
@F5SimulatorTest(user = "automation", password = "s3cret")
class SimulatorsInYourJUnitTest {

    @Test
    void aReadyAdapterPlansTheReferenceOnAnEmptyBigIp(F5Adapter adapter, @TempDir Path dir) {
        Deployment deployment = ThrowawayDeployment.write(Vendor.F5, dir).deployment();

        assertThat(adapter.plan(deployment).isEmpty()).isFalse();
    }

    @Test
    void aFailedCommitLeavesTheBigIpUntouchedAndTheNextRunConverges(F5Simulator bigip, DeviceTarget target,
            @TempDir Path dir) {
        ThrowawayDeployment reference = ThrowawayDeployment.write(Vendor.F5, dir);   // certificates from a throwaway CA
        Deployment deployment = reference.deployment();
        try (F5Adapter hakit = F5Adapter.builder().url(target.url())
                .credentials(target.user(), new String(target.password())).lbKey(reference.lbKey()).build()) {
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
// end::user-test[]
