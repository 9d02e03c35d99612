package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.NitroResource;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.sim.RecordedRequest;
import io.hakit.model.ConflictException;
import io.hakit.model.DeviceException;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import io.hakit.test.CitrixSimulatorTest;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@CitrixSimulatorTest
class SimulatorScenariosTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final io.hakit.model.Deployment reference = Fixtures.reference();
    CitrixSimulator sim;

    private ApplyResult converge() {
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            return adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
        }
    }

    @Test
    void convergesFromEmptyInFewRequestsAndReplansWithGetsOnly() {
        sim.clearRequests();
        try (CitrixAdapter adc = CitrixAdapter.builder().client(Fixtures.client(sim)).lbKey(Fixtures.lbKey(dir))
                .save(true).build()) {
            ApplyResult r = adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        }
        List<RecordedRequest> all = sim.requests();
        assertThat(all.size()).as("login, reads, writes, save, logout").isLessThanOrEqualTo(20);
        assertThat(all).extracting(RecordedRequest::path).contains("/nitro/v1/config/macroapi",
                "/nitro/v1/config/nsconfig", "/nitro/v1/config/logout");
        sim.clearRequests();
        int writes = sim.writeCount();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            assertThat(adc.plan(reference).isEmpty()).isTrue();
            assertThat(adc.apply(reference, adc.plan(reference), ApplyListener.NONE).outcome())
                    .isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
        }
        assertThat(sim.writeCount()).isEqualTo(writes);
        long gets = sim.requests().stream().filter(q -> q.method().equals("GET")).count();
        // 12 per plan: 10 for the configuration, the certificate folder's listing (issue 15), and the HA check
        assertThat(gets).as("GETs for two plans").isLessThanOrEqualTo(26);
    }

    @Test
    void thePlanSaysHowManyRequestsTheApplySends() {
        try (CitrixAdapter adc = CitrixAdapter.builder().client(Fixtures.client(sim)).lbKey(Fixtures.lbKey(dir))
                .save(true).build()) {
            Plan plan = adc.plan(reference);
            sim.faults().saveBusy(2);
            sim.clearRequests();
            ApplyResult r = adc.apply(reference, plan, ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(r.failure()).isEmpty();
            // the two busy answers to the save are retried on top of the plan's count
            assertThat(r.requests()).isEqualTo(plan.requests() + 2).isEqualTo(sim.requests().size());
            assertThat(r.writes()).isEqualTo(3);
        }
    }

    @Test
    void theFluentApiRoundTripsNamesWithSpacesAndNonAsciiLetters() {
        try (io.hakit.citrix.NitroClient nitro = Fixtures.client(sim)) {
            for (String name : List.of("Web Server 1", "Zürich app")) {
                nitro.on(NitroResource.SERVER).add(s -> s.attribute("name", name).attribute("ipaddress", "10.9.9."
                        + (name.length() % 200)));
                assertThat(nitro.on(NitroResource.SERVER).find(name)).map(io.hakit.citrix.NitroObject::name)
                        .contains(name);
                nitro.on(NitroResource.SERVER).delete(name);
                assertThat(nitro.on(NitroResource.SERVER).find(name)).isEmpty();
            }
        }
    }

    @Test
    void briefUnavailabilityAndABusySaveDoNotFailAnApply() {
        try (CitrixAdapter adc = CitrixAdapter.builder().client(Fixtures.client(sim)).lbKey(Fixtures.lbKey(dir))
                .save(true).build()) {
            sim.faults().unavailable(2);
            Plan plan = adc.plan(reference);
            sim.faults().unavailable(1).saveBusy(3);
            ApplyResult r = adc.apply(reference, plan, ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(r.failure()).isEmpty();
            assertThat(adc.plan(reference).isEmpty()).isTrue();
        }
    }

    @Test
    void perRequestHeaderAuthConvergesWithoutASession() {
        io.hakit.citrix.NitroClient headers = io.hakit.citrix.NitroClient.builder().url(sim.url())
                .credentials("admin", "admin").sessionless(true).build();
        try (CitrixAdapter adc = CitrixAdapter.builder().client(headers).lbKey(Fixtures.lbKey(dir)).build()) {
            assertThat(adc.apply(reference, adc.plan(reference), ApplyListener.NONE).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(reference).isEmpty()).isTrue();
        }
        assertThat(sim.requests()).noneMatch(q -> q.path().endsWith("/login"));
    }

    @Test
    void sessionExpiryInTheMiddleOfAnApplyIsTransparent() {
        AtomicBoolean expired = new AtomicBoolean();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(reference);
            ApplyResult r = adc.apply(reference, plan, new ApplyListener() {
                @Override
                public void applied(Change change) {
                    if (expired.compareAndSet(false, true)) {
                        sim.expireSessions();
                    }
                }
            });
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(reference).isEmpty()).isTrue();
        }
        assertThat(expired).isTrue();
        assertThat(sim.requests()).filteredOn(q -> q.path().endsWith("/login")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sim.requests()).filteredOn(q -> q.status() == 401).isNotEmpty();
    }

    @Test
    void aSecondaryNodeIsRefusedBeforeAnyWrite() {
        sim.secondary(true);
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(reference);
            assertThatThrownBy(() -> adc.apply(reference, plan, ApplyListener.NONE))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("SECONDARY")
                    .hasMessageContaining("primary");
        }
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void foreignObjectsSurviveEveryApply() {
        sim.add("server", Map.of("name", "billing1.hospital.org", "domain", "billing1.hospital.org",
                "comment", "billing team"));
        sim.add("servicegroup", Map.of("servicegroupname", "sg_billing", "servicetype", "SSL"));
        sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_billing",
                "servername", "billing1.hospital.org", "port", 8443));
        sim.add("lbmonitor", Map.of("monitorname", "mon_billing", "type", "TCP"));
        sim.add("lbvserver", Map.of("name", "vs_billing", "servicetype", "SSL", "ipv46", "10.20.0.60", "port", 443));
        sim.bind("lbvserver_servicegroup_binding", Map.of("name", "vs_billing", "servicegroupname", "sg_billing"));
        sim.add("server", Map.of("name", "old.hospital.org", "domain", "old.hospital.org",
                "comment", "hakit:another-hospital"));
        JsonNode before = sim.snapshot();
        assertThat(converge().outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        JsonNode after = sim.snapshot();
        for (String[] o : new String[][] {{"server", "billing1.hospital.org"}, {"server", "old.hospital.org"},
                {"servicegroup", "sg_billing"}, {"lbmonitor", "mon_billing"}, {"lbvserver", "vs_billing"}}) {
            assertThat(find(after, o[0], o[1])).as(o[0] + " " + o[1]).isEqualTo(find(before, o[0], o[1]))
                    .isNotNull();
        }
        assertThat(after.toString()).contains("billing1.hospital.org").contains("vs_billing");
        // a later apply after dropping a service still leaves them alone
        io.hakit.model.Deployment smaller = reference.copy(b -> b.services(reference.services().stream()
                .map(s -> s.name().equals("fhir") ? s.copy(x -> x.enabled(false)) : s).toList()));
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(smaller);
            assertThat(plan.changes()).extracting(Change::op).contains(ChangeOp.DELETE);
            assertThat(plan.changes()).noneMatch(c -> c.name().contains("billing") || c.name().startsWith("old."));
            assertThat(adc.apply(smaller, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(smaller).toText()).startsWith("No changes");
        }
        JsonNode last = sim.snapshot();
        assertThat(find(last, "lbvserver", "vs_billing")).isEqualTo(find(before, "lbvserver", "vs_billing"));
        assertThat(find(last, "server", "old.hospital.org")).isEqualTo(find(before, "server", "old.hospital.org"));
        assertThat(last.toString()).doesNotContain("hakit-vs-fhir-7008");
    }

    @Test
    void aForeignObjectWithANameHakitNeedsIsAConflictUntilAdopted() {
        sim.add("server", Map.of("name", "app1.hospital.org", "domain", "app1.hospital.org", "comment", "by hand"));
        JsonNode before = sim.snapshot();
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(reference);
            assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Conflict.Kind.FOREIGN_OBJECT,
                            "app1.hospital.org"));
            assertThat(plan.conflicts().get(0).message()).contains("--adopt").contains("by hand");
            assertThatThrownBy(() -> adc.apply(reference, plan, ApplyListener.NONE))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("app1.hospital.org");
        }
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(sim.writeCount()).isZero();
        try (CitrixAdapter adc = CitrixAdapter.builder().client(Fixtures.client(sim)).lbKey(Fixtures.lbKey(dir))
                .adopt(true).build()) {
            Plan plan = adc.plan(reference);
            assertThat(plan.conflicts()).isEmpty();
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.UPDATE && c.name().equals("app1.hospital.org")
                    && "hakit:example-hospital".equals(c.after().get("comment")));
            assertThat(adc.apply(reference, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(reference).isEmpty()).isTrue();
        }
    }

    @Test
    void anAttributeNitroCannotChangeInPlaceIsAConflictNotASilentRecreate() {
        converge();
        sim.unbind("lbvserver_servicegroup_binding", Map.of("name", "hakit-vs-reporting-7004",
                "servicegroupname", "hakit-sg-reporting-7004"));
        sim.unbind("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "hakit-sg-reporting-7004",
                "monitor_name", "hakit-mon-reporting-7004"));
        sim.delete("lbmonitor", "hakit-mon-reporting-7004");
        sim.add("lbmonitor", Map.of("monitorname", "hakit-mon-reporting-7004", "type", "TCP"));
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(reference);
            assertThat(plan.conflicts()).extracting(Conflict::kind, Conflict::name).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Conflict.Kind.MISSING_PREREQUISITE, "hakit-mon-reporting-7004"));
            assertThat(plan.conflicts().get(0).message()).contains("type TCP").contains("cannot change in place");
        }
    }

    @Test
    void aRenewedLbCertificateIsSwappedInPlaceKeepingItsBindings() {
        converge();
        long bound = sim.snapshot().path("sslvserver_sslcertkey_binding").size();
        io.hakit.test.ThrowawayCa.Issued renewed = io.hakit.test.ThrowawayCa.create("renewal CA")
                .issueServer("patientsecure.hospital.org");
        io.hakit.model.Deployment next = reference.copy(b -> b.loadBalancer(reference.loadBalancer()
                .copy(l -> l.certificate(renewed.chain()))));
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(next);
            assertThat(plan.conflicts()).isEmpty();
            assertThat(plan.changes()).extracting(c -> c.op() + " " + c.type()).containsExactlyInAnyOrder(
                    "create systemfile", "create systemfile", "update sslcertkey");
            JsonNode before = sim.snapshot();
            sim.faults().failWrite(2);
            assertThat(adc.apply(next, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(sim.snapshot()).isEqualTo(before);
            sim.faults().clear();
            assertThat(adc.apply(next, adc.plan(next), ApplyListener.NONE).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(next).isEmpty()).isTrue();
        }
        assertThat(sim.snapshot().path("sslvserver_sslcertkey_binding").size()).isEqualTo(bound);
        assertThat(sim.requests()).noneMatch(q -> q.method().equals("DELETE") && q.path().contains("sslcertkey"));
        try (CitrixAdapter noKey = CitrixAdapter.builder().client(Fixtures.client(sim)).build()) {
            io.hakit.model.Deployment again = reference.copy(b -> b.loadBalancer(reference.loadBalancer()
                    .copy(l -> l.certificate(io.hakit.test.ThrowawayCa.create("third CA")
                            .issueServer("patientsecure.hospital.org").chain()))));
            assertThat(noKey.plan(again).conflicts()).extracting(Conflict::kind)
                    .containsExactly(Conflict.Kind.MISSING_KEY);
        }
    }

    @Test
    void aMissingLbCertificateWithoutKeyIsRefusedBeforeTheFirstWrite() {
        try (CitrixAdapter adc = CitrixAdapter.builder().client(Fixtures.client(sim)).build()) {
            Plan plan = adc.plan(reference);
            assertThat(plan.conflicts()).extracting(Conflict::kind).containsExactly(Conflict.Kind.MISSING_KEY);
            assertThat(plan.conflicts().get(0).message()).contains("--lb-key");
            assertThatThrownBy(() -> adc.apply(reference, plan, ApplyListener.NONE))
                    .isInstanceOf(ConflictException.class);
        }
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void driftMadeOnTheDeviceShowsInThePlan() {
        converge();
        sim.unbind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname",
                "hakit-sg-web-services-7002", "servername", "app2.hospital.org", "port", 7002));
        sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "hakit-sg-web-services-7002",
                "servername", "app2.hospital.org", "port", 7002, "weight", 40));
        sim.unbind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname",
                "hakit-sg-user-interface-7003", "servername", "app1.hospital.org", "port", 7003));
        sim.bind("servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "hakit-sg-user-interface-7003",
                "servername", "app1.hospital.org", "port", 7003, "state", "DISABLED"));
        sim.update("lbmonitor", Map.of("monitorname", "hakit-mon-reporting-7004", "type", "HTTP",
                "respcode", List.of("200")));
        sim.update("lbmonitor", Map.of("monitorname", "hakit-mon-fhir-7008", "type", "HTTP",
                "interval", 2, "units3", "MIN"));
        sim.unbind("servicegroup_lbmonitor_binding", Map.of("servicegroupname", "hakit-sg-system-health-7007",
                "monitor_name", "hakit-mon-system-health-7007"));
        sim.unbind("sslvserver_sslcertkey_binding", Map.of("vservername", "hakit-vs-emergency-search-7006",
                "certkeyname", "hakit-lb-cert"));
        sim.unbind("lbvserver_servicegroup_binding", Map.of("name", "hakit-vs-identity-server-7001",
                "servicegroupname", "hakit-sg-identity-server-7001"));
        sim.delete("lbvserver", "hakit-vs-identity-server-7001");
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            Plan plan = adc.plan(reference);
            String text = plan.toText();
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.BIND
                    && c.name().equals("hakit-sg-web-services-7002") && c.after().get("weight").equals(1));
            // a member's state is operational (DESIGN, OPS-001): a warning, not drift
            assertThat(plan.changes()).noneMatch(c -> c.name().equals("hakit-sg-user-interface-7003"));
            assertThat(plan.warnings()).anyMatch(w -> w.rule().equals("OPS-001")
                    && w.path().equals("hakit-sg-user-interface-7003/app1.hospital.org:7003"));
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.UPDATE
                    && c.name().equals("hakit-mon-reporting-7004") && c.after().containsKey("respcode"));
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.UPDATE
                    && c.name().equals("hakit-mon-fhir-7008") && c.after().containsKey("interval"));
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.BIND
                    && c.type().equals("servicegroup_lbmonitor_binding"));
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.BIND
                    && c.type().equals("sslvserver_sslcertkey_binding"));
            assertThat(plan.changes()).anyMatch(c -> c.op() == ChangeOp.CREATE
                    && c.name().equals("hakit-vs-identity-server-7001"));
            assertThat(text).contains("weight").contains("respcode");
            assertThat(adc.apply(reference, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(reference).isEmpty()).isTrue();
        }
    }

    @Test
    void unitsNormalisedByTheDeviceAreNotDrift() {
        io.hakit.model.Deployment minute = reference.copy(b -> b.services(reference.services().stream()
                .map(s -> s.healthTest().isPresent() ? s.copy(x -> x.healthTest(s.healthTest().get()
                        .copy(h -> h.interval(java.time.Duration.ofSeconds(60))))) : s).toList()));
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            adc.apply(minute, adc.plan(minute), ApplyListener.NONE);
        }
        // the ADC shows interval 60 SEC as 1 MIN
        sim.update("lbmonitor", Map.of("monitorname", "hakit-mon-reporting-7004", "type", "HTTP",
                "interval", 1, "units3", "MIN"));
        try (CitrixAdapter adc = Fixtures.adapter(sim, dir)) {
            assertThat(adc.plan(minute).changes()).isEmpty();
        }
    }

    @Test
    void everyAttributeSentIsInNitrosListForItsResource() throws Exception {
        converge();
        int checked = 0;
        for (RecordedRequest q : sim.requests()) {
            if (q.body() == null || q.body().isBlank() || !(q.method().equals("POST") || q.method().equals("PUT"))) {
                continue;
            }
            String resource = q.path().substring("/nitro/v1/config/".length());
            if (resource.equals("login") || resource.equals("logout") || resource.equals("nsconfig")) {
                continue;
            }
            JsonNode body = JSON.readTree(q.body());
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                NitroResource r = NitroResource.fromWireName(e.getKey()).orElseThrow();
                for (JsonNode item : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                    for (Iterator<String> names = item.fieldNames(); names.hasNext();) {
                        String name = names.next();
                        assertThat(q.method().equals("PUT") ? r.updateAttributes() : r.addAttributes())
                                .as(q.method() + " " + r + " attribute " + name).contains(name);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(sim.requests()).noneMatch(q -> q.status() == 400 || q.status() == 599);
    }

    private static JsonNode find(JsonNode snapshot, String type, String name) {
        String json = snapshot.toString();
        JsonNode list = snapshot.get(type);
        if (list == null) {
            list = snapshot.path("objects").get(type);
        }
        if (list == null) {
            throw new AssertionError("no " + type + " in snapshot: " + json.substring(0, Math.min(300, json.length())));
        }
        NitroResource r = NitroResource.fromWireName(type).orElseThrow();
        for (JsonNode o : list.isArray() ? list : iterable(list)) {
            if (o.path(r.keyAttribute()).asText().equals(name)) {
                return o;
            }
        }
        return list.isObject() ? list.get(name) : null;
    }

    private static Iterable<JsonNode> iterable(JsonNode objectNode) {
        List<JsonNode> out = new java.util.ArrayList<>();
        objectNode.elements().forEachRemaining(out::add);
        return out;
    }
}
