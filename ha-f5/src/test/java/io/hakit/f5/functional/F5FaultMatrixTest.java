package io.hakit.f5.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Plan;
import io.hakit.sim.RecordedRequest;
import io.hakit.sim.WriteFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4 on F5: every write of {@code apply --save} (uploads, the transaction, each queued command, the
 * commit, the save) faulted in each of the five ways of {@link WriteFault}, beside another team's objects. Each
 * case ends with the BIG-IP exactly as before or exactly as reported, no transaction left behind, foreign objects
 * untouched, a reported save really saved, and a second apply that converges and saves.
 */
class F5FaultMatrixTest {

    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(300);
    static final Duration LATE = Duration.ofMillis(450);

    static final List<WriteFault> MODES = WriteFault.everyWay(LATE);

    static final int[] FIGURE = new int[2];

    @TempDir
    static Path dir;

    static Deployment reference;

    /** The reference topology with one service, so that its apply has a score of writes, not fifty. */
    @BeforeAll
    static void load() {
        Deployment full = SimFixtures.reference(dir);
        reference = full.copy(b -> b.services(full.services().stream()
                .map(s -> s.name().equals("web-services") ? s
                        : s.copy(x -> x.enabled(false)))
                .toList()));
    }

    @AfterAll
    static void figure() {
        System.out.println("F5 fault matrix: " + FIGURE[1] + " of " + FIGURE[0]
                + " (write x mode) cases ended with the BIG-IP as before or exactly as reported");
    }

    static F5Adapter adapter(F5Simulator sim, boolean save, Duration responseTimeout) {
        return F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(SimFixtures.lbKey(dir))
                .timeouts(Duration.ofSeconds(2), responseTimeout).save(save).build();
    }

    static void foreign(F5Simulator sim) {
        sim.create("/mgmt/tm/ltm/node", Map.of("name", "10.9.9.9", "partition", "Common", "address", "10.9.9.9"));
        sim.create("/mgmt/tm/ltm/pool", Map.of("name", "mysql-pool", "partition", "Common",
                "members", List.of(Map.of("name", "10.9.9.9:3306", "address", "10.9.9.9"))));
    }

    static boolean isWrite(RecordedRequest r) {
        return !r.method().equals("GET") && !r.path().startsWith("/mgmt/shared/authn/")
                && !r.path().startsWith("/mgmt/shared/authz/");
    }

    @TestFactory
    Stream<DynamicTest> everyWriteOfAnApplyFromEmpty() {
        Consumer<F5Simulator> prepare = F5FaultMatrixTest::foreign;
        List<Integer> writes = new ArrayList<>();
        try (F5Simulator sim = F5Simulator.builder().start()) {
            prepare.accept(sim);
            Plan plan;
            try (F5Adapter a = adapter(sim, true, Duration.ofSeconds(5))) {
                plan = a.plan(reference);
            }
            try (F5Adapter a = adapter(sim, true, RESPONSE_TIMEOUT)) {
                sim.clearRequests();
                assertThat(a.apply(reference, plan, ApplyListener.NONE).outcome())
                        .isEqualTo(ApplyResult.Outcome.APPLIED);
            }
            List<RecordedRequest> recorded = sim.requests();
            for (int i = 0; i < recorded.size(); i++) {
                if (isWrite(recorded.get(i))) {
                    writes.add(i + 1);
                }
            }
        }
        assertThat(writes).hasSizeGreaterThanOrEqualTo(4);
        List<DynamicTest> tests = new ArrayList<>();
        for (WriteFault mode : MODES) {
            for (int w = 0; w < writes.size(); w++) {
                int request = writes.get(w);
                tests.add(DynamicTest.dynamicTest("write " + (w + 1) + " of " + writes.size() + " (request " + request
                        + "), " + mode.kind(), () -> one(prepare, request, mode)));
            }
        }
        return tests.stream();
    }

    private void one(Consumer<F5Simulator> prepare, int request, WriteFault mode) throws InterruptedException {
        FIGURE[0]++;
        try (F5Simulator sim = F5Simulator.builder().start()) {
            prepare.accept(sim);
            JsonNode before = sim.snapshot();
            Plan plan;
            ApplyResult r;
            try (F5Adapter a = adapter(sim, true, Duration.ofSeconds(5))) {
                plan = a.plan(reference);
            }
            try (F5Adapter a = adapter(sim, true, RESPONSE_TIMEOUT)) {
                sim.clearRequests();
                sim.faults().request(request, mode);
                r = a.apply(reference, plan, ApplyListener.NONE);
            }
            sim.faults().clear();
            if (mode.kind() == WriteFault.Kind.LATE_ANSWER) {
                Thread.sleep(LATE.minus(RESPONSE_TIMEOUT).toMillis()); // the late write has landed by now
            }
            JsonNode after = sim.snapshot();
            String why = r.toJson();
            assertThat(foreignRows(after)).as("foreign objects: %s", why).isEqualTo(foreignRows(before));
            assertThat(sim.pendingTransactions()).as("transactions left on the BIG-IP: %s", why).isZero();
            try (F5Adapter a = adapter(sim, false, Duration.ofSeconds(5))) {
                Plan now = a.plan(reference);
                switch (r.outcome()) {
                    case ROLLED_BACK:
                        assertThat(after).as("rolled back: %s", why).isEqualTo(before);
                        break;
                    case APPLIED:
                        assertThat(now.changes()).as("applied: %s", why).isEmpty();
                        assertThat(sim.unsavedChanges()).as("reported saved: %s", why).isFalse();
                        break;
                    case FAILED:
                        List<Change> onDevice = plan.changes().stream().filter(c -> !now.changes().contains(c))
                                .collect(Collectors.toList());
                        assertThat(r.applied()).as("what the result says is on the BIG-IP: %s", why)
                                .containsExactlyInAnyOrderElementsOf(onDevice);
                        assertThat(r.summary()).doesNotContain("nothing changed");
                        break;
                    default:
                        throw new AssertionError("unexpected outcome " + why);
                }
            }
            try (F5Adapter a = adapter(sim, true, Duration.ofSeconds(5))) {
                ApplyResult again = a.apply(reference, a.plan(reference), ApplyListener.NONE);
                assertThat(again.succeeded()).as("re-apply: %s", again.toJson()).isTrue();
                assertThat(a.plan(reference).changes()).isEmpty();
                assertThat(sim.unsavedChanges()).as("re-apply saves").isFalse();
            }
        }
        FIGURE[1]++;
    }

    static List<String> foreignRows(JsonNode snapshot) {
        List<String> out = new ArrayList<>();
        snapshot.fields().forEachRemaining(e -> e.getValue().forEach(n -> {
            String s = n.toString();
            if (s.contains("10.9.9.9") || s.contains("mysql-pool")) {
                out.add(e.getKey() + " " + s);
            }
        }));
        return out;
    }
}
