package io.hakit.f5.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.WriteFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import io.hakit.test.F5SimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The F5 defects of issue 15 item 4, one test each. */
@F5SimulatorTest
class F5ApplyTruthRegressionTest {

    /** The BIG-IP each test faults; {@link #commitRequest} and a second case use a fresh one of their own. */
    F5Simulator sim;

    @TempDir
    Path dir;

    private F5Adapter adapter(F5Simulator sim) {
        return F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(SimFixtures.lbKey(dir))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).save(true).build();
    }

    /** The request number of the commit in an apply of {@code plan} by a fresh adapter, from a clean run. */
    private int commitRequest(Deployment d) {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            Plan plan;
            try (F5Adapter a = adapter(sim)) {
                plan = a.plan(d);
            }
            try (F5Adapter a = adapter(sim)) {
                sim.clearRequests();
                a.apply(d, plan, ApplyListener.NONE);
            }
            List<RecordedRequest> r = sim.requests();
            for (int i = 0; i < r.size(); i++) {
                if (r.get(i).method().equals("PATCH") && r.get(i).path().startsWith("/mgmt/tm/transaction/")) {
                    return i + 1;
                }
            }
            throw new AssertionError("no commit in " + r);
        }
    }

    private ApplyResult applyWithFault(F5Simulator sim, Deployment d, int request, WriteFault fault) {
        Plan plan;
        try (F5Adapter a = adapter(sim)) {
            plan = a.plan(d);
        }
        try (F5Adapter a = adapter(sim)) {
            sim.clearRequests();
            sim.faults().request(request, fault);
            return a.apply(d, plan, ApplyListener.NONE);
        }
    }

    /** Regression: a commit whose answer was lost although the BIG-IP committed was applied but never saved. */
    @Test
    void aCommitWhoseAnswerWasLostIsAppliedAndStillSaved() {
        Deployment d = SimFixtures.reference(dir);
        int commit = commitRequest(d);
        ApplyResult r = applyWithFault(sim, d, commit, WriteFault.of(WriteFault.Kind.DROP_AFTER_APPLY));
        assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(sim.configSaves()).isEqualTo(1);
        assertThat(sim.unsavedChanges()).isFalse();
    }

    /** Regression: a committed transaction answered 5xx was reported "refused, nothing changed". */
    @Test
    void aCommitAnswered500AfterCommittingIsReportedApplied() {
        Deployment d = SimFixtures.reference(dir);
        int commit = commitRequest(d);
        ApplyResult r = applyWithFault(sim, d, commit, WriteFault.of(WriteFault.Kind.ERROR_AFTER_APPLY));
        assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.summary()).doesNotContain("nothing changed");
        assertThat(sim.transactionsCommitted()).isEqualTo(1);
        assertThat(sim.unsavedChanges()).isFalse();
    }

    /** Regression: a transaction left after a lost answer or a refused commit was never deleted. */
    @Test
    void theTransactionIsDeletedAfterALostAnswerAndAfterARefusedCommit() {
        Deployment d = SimFixtures.reference(dir);
        int commit = commitRequest(d);
        JsonNode before = sim.snapshot();
        ApplyResult r = applyWithFault(sim, d, commit, WriteFault.of(WriteFault.Kind.DROP_BEFORE_APPLY));
        assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(sim.pendingTransactions()).isZero();
        assertThat(sim.snapshot()).isEqualTo(before);
        try (F5Simulator fresh = F5Simulator.builder().start(); F5Adapter a = adapter(fresh)) {
            fresh.faults().failCommit("01070712:3: injected");
            ApplyResult refused = a.apply(d, a.plan(d), ApplyListener.NONE);
            assertThat(refused.outcome()).as(refused.toJson()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(refused.failure().orElseThrow()).contains("the transaction was deleted").contains("read back");
            assertThat(fresh.pendingTransactions()).isZero();
        }
    }

    /** Regression: a failure before the transaction was an exception (exit 2) that said nothing of the device. */
    @Test
    void aFailureBeforeTheTransactionIsAResultThatSaysTheDevicesState() {
        Deployment d = SimFixtures.reference(dir);
        JsonNode before = sim.snapshot();
        ApplyResult r = applyWithFault(sim, d, 2, WriteFault.of(WriteFault.Kind.ERROR_BEFORE_APPLY));
        assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.failure().orElseThrow()).contains("before its transaction")
                .contains("read back: the BIG-IP is exactly as before");
        assertThat(sim.snapshot()).isEqualTo(before);
    }
}
