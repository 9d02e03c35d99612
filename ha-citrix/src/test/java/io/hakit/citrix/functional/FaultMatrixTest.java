package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.NitroClient;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Plan;
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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 4: every write of {@code apply --save}, and the save, faulted in each of the five ways of
 * {@link WriteFault}, from an empty ADC and from a drifted one, both beside another team's objects. Each case must
 * end with the ADC exactly as before (rolled back), or exactly as reported (what the result says is on it is what
 * a fresh plan says is on it), the foreign objects untouched, a reported save really saved, and a second apply that
 * converges and saves.
 */
class FaultMatrixTest {

    /** The client's response time-out in these tests; a late answer comes after {@link #LATE}. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(500);
    static final Duration LATE = Duration.ofMillis(700);

    static final List<WriteFault> MODES = WriteFault.everyWay(LATE);

    /** Cases run and cases that ended as before or exactly as reported: the figure. */
    static final int[] FIGURE = new int[2];

    @TempDir
    static Path dir;

    private final Deployment reference = Fixtures.reference();

    @AfterAll
    static void figure() {
        System.out.println("Citrix fault matrix: " + FIGURE[1] + " of " + FIGURE[0]
                + " (write x mode) cases ended with the ADC as before or exactly as reported");
    }

    /** An adapter with the usual time-outs, for preparing and checking. */
    static CitrixAdapter adapter(CitrixSimulator sim, boolean save) {
        return CitrixAdapter.builder().client(Fixtures.client(sim)).lbKey(Fixtures.lbKey(dir)).save(save).build();
    }

    /** The adapter under test: {@code --save}, a short response time-out. */
    static CitrixAdapter faulted(CitrixSimulator sim) {
        return CitrixAdapter.builder().client(NitroClient.builder().url(sim.url()).credentials("admin", "admin")
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(RESPONSE_TIMEOUT)
                .saveRetries(2, Duration.ofMillis(10)).build()).lbKey(Fixtures.lbKey(dir)).save(true).build();
    }

    /** Another team's objects, on the ADC before hakit comes. */
    static void foreign(CitrixSimulator sim) {
        sim.add("server", Map.of("name", "10.9.9.9", "ipaddress", "10.9.9.9"));
        sim.add("lbvserver", Map.of("name", "mysql-vs", "servicetype", "TCP", "ipv46", "10.9.9.10", "port", 3306));
    }

    @TestFactory
    Stream<DynamicTest> everyWriteOfAnApplyFromEmpty() {
        return matrix("empty", sim -> foreign(sim));
    }

    @TestFactory
    Stream<DynamicTest> everyWriteOfAnApplyOnADriftedAdc() {
        return matrix("drifted", sim -> {
            foreign(sim);
            try (CitrixAdapter adc = adapter(sim, false)) {
                adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
            }
            sim.update("lbmonitor", Map.of("monitorname", "hakit-mon-reporting-7004", "type", "HTTP",
                    "respcode", List.of("200")));
            sim.unbind("lbvserver_servicegroup_binding", Map.of("name", "hakit-vs-reporting-7004",
                    "servicegroupname", "hakit-sg-reporting-7004"));
            sim.add("server", Map.of("name", "app3.hospital.org", "domain", "app3.hospital.org"));
            sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "hakit-sg-fhir-7008",
                    "servername", "app3.hospital.org", "port", 7008));
        });
    }

    private Stream<DynamicTest> matrix(String start, Consumer<CitrixSimulator> prepare) {
        int writes;
        try (CitrixSimulator sim = CitrixSimulator.builder().start()) {
            prepare.accept(sim);
            try (CitrixAdapter adc = adapter(sim, true)) {
                int before = sim.writeCount();
                assertThat(adc.apply(reference, adc.plan(reference), ApplyListener.NONE).outcome())
                        .isEqualTo(ApplyResult.Outcome.APPLIED);
                writes = sim.writeCount() - before;
            }
        }
        assertThat(writes).isGreaterThanOrEqualTo(3);
        List<DynamicTest> tests = new ArrayList<>();
        for (WriteFault mode : MODES) {
            for (int k = 1; k <= writes; k++) {
                int write = k;
                tests.add(DynamicTest.dynamicTest(start + ": write " + k + " of " + writes + ", " + mode.kind(),
                        () -> one(prepare, sim -> sim.faults().write(write, mode), mode)));
            }
            tests.add(DynamicTest.dynamicTest(start + ": the save, " + mode.kind(),
                    () -> one(prepare, sim -> sim.faults().save(1, mode), mode)));
        }
        return tests.stream();
    }

    private void one(Consumer<CitrixSimulator> prepare, Consumer<CitrixSimulator> fault, WriteFault mode) {
        FIGURE[0]++;
        try (CitrixSimulator sim = CitrixSimulator.builder().start()) {
            prepare.accept(sim);
            JsonNode before = sim.snapshot();
            List<String> foreignBefore = foreignRows(before);
            ApplyResult r;
            Plan plan;
            try (CitrixAdapter adc = faulted(sim)) {
                plan = adc.plan(reference);
                fault.accept(sim);
                r = adc.apply(reference, plan, ApplyListener.NONE);
            }
            sim.faults().clear();
            if (mode.kind() == WriteFault.Kind.LATE_ANSWER) {
                sleep(LATE); // a late write lands in the end: the result must have allowed for it
            }
            JsonNode after = sim.snapshot();
            try (CitrixAdapter adc = adapter(sim, false)) {
                Plan now = adc.plan(reference);
                String why = r.toJson();
                assertThat(foreignRows(after)).as("foreign objects: %s", why).isEqualTo(foreignBefore);
                switch (r.outcome()) {
                    case ROLLED_BACK:
                        assertThat(AllOrNothingTest.diff(before, after)).as("rolled back: %s", why).isEmpty();
                        assertThat(r.summary()).contains("nothing changed");
                        break;
                    case APPLIED:
                        assertThat(now.changes()).as("applied: %s", why).isEmpty();
                        assertThat(configChanged(sim)).as("reported saved: %s", why).isFalse();
                        break;
                    case FAILED:
                        assertThat(r.failure()).isPresent();
                        List<Change> onDevice = plan.changes().stream().filter(c -> !now.changes().contains(c))
                                .collect(Collectors.toList());
                        assertThat(r.applied()).as("what the result says is on the ADC: %s", why)
                                .containsExactlyInAnyOrderElementsOf(onDevice);
                        assertThat(r.summary()).doesNotContain("nothing changed");
                        break;
                    default:
                        throw new AssertionError("unexpected outcome " + why);
                }
            }
            try (CitrixAdapter adc = adapter(sim, true)) {
                ApplyResult again = adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
                assertThat(again.succeeded()).as("re-apply: %s", again.toJson()).isTrue();
                assertThat(adc.plan(reference).changes()).isEmpty();
                assertThat(configChanged(sim)).as("re-apply saves").isFalse();
                assertThat(foreignRows(sim.snapshot())).isEqualTo(foreignBefore);
            }
        }
        FIGURE[1]++;
    }

    static boolean configChanged(CitrixSimulator sim) {
        try (NitroClient c = Fixtures.client(sim)) {
            return c.configChanged();
        }
    }

    static List<String> foreignRows(JsonNode snapshot) {
        List<String> out = new ArrayList<>();
        snapshot.fields().forEachRemaining(e -> e.getValue().forEach(n -> {
            String s = n.toString();
            if (s.contains("10.9.9.9") || s.contains("mysql-vs")) {
                out.add(e.getKey() + " " + s);
            }
        }));
        return out;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
