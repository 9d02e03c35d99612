package io.hakit.citrix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import io.hakit.model.Deployment;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner against device state built in the test: no socket, each job of the plan on its own. */
class CitrixPlannerTest {

    private static final CitrixPlanner PLANNER = CitrixPlanner.builder().keyGiven(true).build();

    private static DeviceState state(List<NitroObject> objects) {
        Map<String, Map<String, NitroObject>> byType = new LinkedHashMap<>();
        List<NitroObject> bindings = new ArrayList<>();
        for (NitroObject o : objects) {
            if (o.resource().orElseThrow().isBinding()) {
                bindings.add(o);
            } else {
                byType.computeIfAbsent(o.type(), t -> new LinkedHashMap<>()).put(o.name(), o);
            }
        }
        return new DeviceState(byType, bindings);
    }

    private static DeviceState empty() {
        return state(List.of());
    }

    @Test
    void fromEmptyFilesComeFirstThenEveryObjectInCreationOrder() {
        Deployment d = Fixtures.reference();
        Plan plan = PLANNER.plan(d, empty());
        assertThat(plan.conflicts()).isEmpty();
        List<Change> changes = plan.changes();
        assertThat(changes.get(0).type()).isEqualTo("systemfile");
        List<Integer> order = changes.stream().map(c -> CitrixPlanner.ORDER.indexOf(c.type())).toList();
        assertThat(order).isSorted().doesNotContain(-1);
        assertThat(changes).extracting(Change::op).doesNotContain(ChangeOp.DELETE, ChangeOp.UNBIND);
        assertThat(plan.requests()).isEqualTo(4); // hanode, files, macroapi, the sslservicegroup update
    }

    @Test
    void withoutTheKeyTheMissingCertificateIsAConflict() {
        Plan plan = CitrixPlanner.builder().build().plan(Fixtures.reference(), empty());
        assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name)
                .contains(org.assertj.core.groups.Tuple.tuple(Conflict.Kind.MISSING_KEY, CitrixRenderer.LB_CERTKEY));
        assertThat(plan.isApplicable()).isFalse();
    }

    @Test
    void aConvergedAdcPlansNothing() {
        CitrixConfig config = CitrixRenderer.render(Fixtures.reference());
        Plan plan = PLANNER.plan(Fixtures.reference(), state(config.objects()));
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.conflicts()).isEmpty();
        assertThat(plan.requests()).isZero();
    }

    @Test
    void aForeignObjectWithANeededNameIsAConflictUnlessAdopted() {
        CitrixConfig config = CitrixRenderer.render(Fixtures.reference());
        NitroObject server = config.of(NitroResource.SERVER).get(0);
        NitroObject foreign = server.toBuilder().attribute("comment", "made by hand").build();
        Plan plan = PLANNER.plan(Fixtures.reference(), state(List.of(foreign)));
        assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Conflict.Kind.FOREIGN_OBJECT, server.name()));
        Plan adopted = CitrixPlanner.builder().keyGiven(true).adopt(true).build().plan(Fixtures.reference(),
                state(List.of(foreign)));
        assertThat(adopted.conflicts()).isEmpty();
        assertThat(adopted.changes()).anyMatch(c -> c.op() == ChangeOp.UPDATE && c.name().equals(server.name())
                && c.after().containsKey("comment"));
    }

    @Test
    void anOwnedObjectTheDeploymentNoLongerHasIsUnboundThenDeleted() {
        CitrixConfig config = CitrixRenderer.render(Fixtures.reference());
        String marker = config.marker();
        NitroObject stale = NitroObject.builder(NitroResource.SERVER).attribute("name", "old.hospital.org")
                .attribute("domain", "old.hospital.org").attribute("comment", marker).build();
        NitroObject group = config.of(NitroResource.SERVICEGROUP).get(0);
        NitroObject member = NitroObject.fromDevice("servicegroup_servicegroupmember_binding", Map.of(
                "servicegroupname", group.name(), "servername", "old.hospital.org", "port", 7002));
        List<NitroObject> device = new ArrayList<>(config.objects());
        device.add(stale);
        device.add(member);
        List<Change> changes = PLANNER.plan(Fixtures.reference(), state(device)).changes();
        assertThat(changes).extracting(Change::op, Change::type, Change::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeOp.UNBIND, "servicegroup_servicegroupmember_binding",
                        group.name()),
                org.assertj.core.groups.Tuple.tuple(ChangeOp.DELETE, "server", "old.hospital.org"));
    }
}
