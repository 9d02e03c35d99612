package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fault at every write step of an apply leaves the ADC exactly as it was; a second apply converges. */
class AllOrNothingTest {

    @TempDir
    Path dir;

    private final Deployment reference = Fixtures.reference();

    /** Writes a clean apply makes from the given starting state. */
    private int writesOfCleanApply(java.util.function.Consumer<CitrixSimulator> prepare, Deployment reference) {
        try (CitrixSimulator sim = CitrixSimulator.builder().start(); CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            prepare.accept(sim);
            int before = sim.writeCount();
            ApplyResult r = adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            return sim.writeCount() - before;
        }
    }

    private void faultAtEveryWrite(java.util.function.Consumer<CitrixSimulator> prepare,
            BiConsumer<CitrixSimulator, Integer> fault) {
        faultAtEveryWrite(prepare, fault, this.reference);
    }

    private void faultAtEveryWrite(java.util.function.Consumer<CitrixSimulator> prepare,
            BiConsumer<CitrixSimulator, Integer> fault, Deployment reference) {
        int steps = writesOfCleanApply(prepare, reference);
        assertThat(steps).isGreaterThanOrEqualTo(3);
        for (int k = 1; k <= steps; k++) {
            try (CitrixSimulator sim = CitrixSimulator.builder().start();
                    CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
                prepare.accept(sim);
                JsonNode before = sim.snapshot();
                Plan plan = adc.plan(reference);
                fault.accept(sim, k);
                List<Change> undone = new ArrayList<>();
                ApplyResult r = adc.apply(reference, plan, new ApplyListener() {
                    @Override
                    public void rollingBack(Change change) {
                        undone.add(change);
                    }
                });
                assertThat(r.outcome()).as("write step %d of %d: %s", k, steps, r.toJson()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
                assertThat(r.failure()).isPresent();
                assertThat(diff(before, sim.snapshot())).as("state after a fault at write %d: %s", k, r.toJson())
                        .isEmpty();
                sim.faults().clear();
                ApplyResult again = adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
                assertThat(again.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
                assertThat(adc.plan(reference).changes()).isEmpty();
            }
        }
    }

    @Test
    void aFailedWriteAtEveryStepFromEmptyLeavesTheAdcAsItWas() {
        faultAtEveryWrite(sim -> { }, (sim, k) -> sim.faults().failWrite(k));
    }

    @Test
    void aResetConnectionAtEveryStepFromEmptyLeavesTheAdcAsItWas() {
        faultAtEveryWrite(sim -> { }, (sim, k) -> sim.faults().resetWrite(k));
    }

    @Test
    void anItemFailingInsideTheMacroapiIsRolledBackByTheAdcAndTheRestUndoneByHakit() {
        try (CitrixSimulator sim = CitrixSimulator.builder().start(); CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            JsonNode before = sim.snapshot();
            Plan plan = adc.plan(reference);
            sim.faults().failOn("lbvserver", "hakit-vs-fhir-7008", 350,
                    "Invalid backup vserver [hakit-vs-fhir-7008]");
            List<Change> failed = new ArrayList<>();
            ApplyResult r = adc.apply(reference, plan, new ApplyListener() {
                @Override
                public void failed(Change change, RuntimeException failure) {
                    failed.add(change);
                }
            });
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(failed).extracting(Change::name).containsExactly("hakit-vs-fhir-7008");
            assertThat(r.failure().orElseThrow()).contains("hakit-vs-fhir-7008").contains("350");
            assertThat(r.rolledBack()).isNotEmpty();
            assertThat(diff(before, sim.snapshot())).isEmpty();
            // when the ADC's message names no object, the failure says so instead of guessing
            sim.faults().clear();
            sim.faults().failOn("servicegroup", "hakit-sg-fhir-7008", 257, "Operation not permitted");
            ApplyResult unnamed = adc.apply(reference, plan, ApplyListener.NONE);
            assertThat(unnamed.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(unnamed.failure().orElseThrow()).contains("did not say which").contains("257");
            assertThat(diff(before, sim.snapshot())).isEmpty();
        }
    }

    @Test
    void aWriteAnsweredAfterTheResponseTimeOutIsUndoneToo() {
        try (CitrixSimulator sim = CitrixSimulator.builder().start();
                CitrixAdapter adc = CitrixAdapter.builder().client(io.hakit.citrix.NitroClient.builder()
                        .url(sim.url()).credentials("admin", "admin").responseTimeout(java.time.Duration.ofMillis(800))
                        .build()).lbKey(Fixtures.lbKey(dir)).build()) {
            JsonNode before = sim.snapshot();
            Plan plan = adc.plan(reference);
            sim.faults().delayWrite(2, java.time.Duration.ofMillis(1000)); // the macroapi lands after the time-out
            ApplyResult r = adc.apply(reference, plan, ApplyListener.NONE);
            assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(r.failure().orElseThrow()).contains("response time-out");
            assertThat(diff(before, sim.snapshot())).isEmpty();
        }
    }

    @Test
    void aFailedWriteAtEveryStepOfADriftRepairLeavesTheAdcAsItWas() {
        faultAtEveryWrite(this::convergedThenDrifted, (sim, k) -> sim.faults().failWrite(k, 599, 257,
                "Operation not permitted"));
    }

    @Test
    void aFailedWriteAtEveryStepOfRemovingAServiceLeavesTheAdcAsItWas() {
        Deployment smaller = reference.copy(b -> b.services(reference.services().stream()
                .map(s -> s.name().equals("fhir") || s.name().equals("hl7") ? s.copy(x -> x.enabled(false)) : s)
                .toList()));
        faultAtEveryWrite(sim -> {
            try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
                adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
            }
        }, (sim, k) -> sim.faults().failWrite(k), smaller);
    }

    /** What differs between two simulator snapshots, element by element. */
    static List<String> diff(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> types = new java.util.TreeSet<>();
        a.fieldNames().forEachRemaining(types::add);
        b.fieldNames().forEachRemaining(types::add);
        for (String t : types) {
            List<String> x = new ArrayList<>();
            List<String> y = new ArrayList<>();
            a.path(t).forEach(n -> x.add(n.toString()));
            b.path(t).forEach(n -> y.add(n.toString()));
            for (String e : x) {
                if (!y.contains(e)) {
                    out.add("- " + t + " " + e);
                }
            }
            for (String e : y) {
                if (!x.contains(e)) {
                    out.add("+ " + t + " " + e);
                }
            }
        }
        return out;
    }

    /** Converged, then changed by hand: a member's weight, a monitor's respcode, a removed binding, an extra member. */
    private void convergedThenDrifted(CitrixSimulator sim) {
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
        }
        sim.unbind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname",
                "hakit-sg-web-services-7002", "servername", "app1.hospital.org", "port", 7002));
        sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "hakit-sg-web-services-7002",
                "servername", "app1.hospital.org", "port", 7002, "weight", 5));
        sim.update("lbmonitor", Map.of("monitorname", "hakit-mon-reporting-7004", "type", "HTTP",
                "respcode", List.of("200")));
        sim.unbind("lbvserver_servicegroup_binding", Map.of("name", "hakit-vs-reporting-7004",
                "servicegroupname", "hakit-sg-reporting-7004"));
        sim.add("server", Map.of("name", "app3.hospital.org", "domain", "app3.hospital.org"));
        sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "hakit-sg-fhir-7008",
                "servername", "app3.hospital.org", "port", 7008));
    }
}
