package io.hakit.f5.functional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.f5.BigIp;
import io.hakit.f5.F5Adapter;
import io.hakit.f5.F5Object;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.sim.RecordedRequest;
import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.HakitException;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan, apply and re-plan the reference deployment against the stateful simulator. */
class F5AdapterSimulatorTest {

    @TempDir
    Path dir;
    F5Simulator sim;
    Deployment reference;

    @BeforeEach
    void start() {
        sim = F5Simulator.builder().deviceGroup("dg-hospital").syncDelay(Duration.ZERO).start();
        reference = SimFixtures.reference(dir);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    F5Adapter.Builder builder() {
        return F5Adapter.builder().url(sim.url()).credentials("admin", "admin").retries(0, Duration.ZERO)
                .lbKey(SimFixtures.lbKey(dir));
    }

    ApplyResult converge(Consumer<F5Adapter.Builder> options) {
        F5Adapter.Builder b = builder();
        options.accept(b);
        try (F5Adapter a = b.build()) {
            return a.apply(reference, a.plan(reference), ApplyListener.NONE);
        }
    }

    static long gets(List<RecordedRequest> requests) {
        return requests.stream().filter(r -> r.method().equals("GET")).count();
    }

    @Test
    void convergesFromEmptyInOneTransactionThenReplansEmptyWithZeroWrites() {
        ApplyResult first = converge(b -> b.save(true));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(first.applied()).hasSize(first.plan().changes().size());
        assertThat(sim.transactionsCommitted()).isEqualTo(1);
        List<RecordedRequest> all = sim.requests();
        assertThat(all).hasSizeLessThanOrEqualTo(60);
        assertThat(all).allMatch(r -> r.status() / 100 == 2);
        assertThat(all.get(all.size() - 1).method()).isEqualTo("DELETE"); // the token, on close
        assertThat(sim.activeTokens("admin")).isZero();

        sim.clearRequests();
        int writes = sim.writeCount();
        try (F5Adapter a = builder().build()) {
            Plan again = a.plan(reference);
            assertThat(again.isEmpty()).as(again.toText()).isTrue();
            ApplyResult r = a.apply(reference, again, ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
            assertThat(r.writes()).isZero();
        }
        assertThat(sim.writeCount()).isEqualTo(writes);
        assertThat(gets(sim.requests())).isLessThanOrEqualTo(12);
        assertThat(sim.transactionsCommitted()).isEqualTo(1);
    }

    @Test
    void everyQueuedCommandCarriesTheCoordinationHeaderAndMembersGoInline() {
        converge(b -> { });
        List<RecordedRequest> queued = sim.requests().stream()
                .filter(r -> r.headers().containsKey("X-F5-REST-Coordination-Id")).toList();
        assertThat(queued).hasSize(40).allMatch(r -> !r.path().contains("/members"));
        RecordedRequest commit = sim.requests().stream().filter(r -> r.method().equals("PATCH")
                && r.path().startsWith("/mgmt/tm/transaction/")).findFirst().orElseThrow();
        assertThat(commit.headers()).doesNotContainKey("X-F5-REST-Coordination-Id");
        assertThat(commit.body()).contains("VALIDATING");
    }

    @Test
    void aFaultAtEveryStepUpToTheCommitLeavesTheDeviceExactlyAsBeforeAndASecondApplyConverges() {
        converge(b -> { });
        List<RecordedRequest> run = sim.requests();
        int commitStep = 0;
        for (int i = 0; i < run.size(); i++) {
            if (run.get(i).method().equals("PATCH") && run.get(i).path().startsWith("/mgmt/tm/transaction/")) {
                commitStep = i + 1;
            }
        }
        assertThat(commitStep).isGreaterThan(50);
        for (int k = 1; k <= commitStep; k++) {
            try (F5Simulator fresh = F5Simulator.builder().start()) {
                JsonNode before = fresh.snapshot();
                fresh.faults().failRequest(k, 400, "01070734:3: Configuration error: injected fault at step " + k);
                F5Adapter.Builder b = F5Adapter.builder().url(fresh.url()).credentials("admin", "admin")
                        .retries(0, Duration.ZERO).lbKey(SimFixtures.lbKey(dir));
                String outcome;
                try (F5Adapter a = b.build()) {
                    ApplyResult r = a.apply(reference, a.plan(reference), ApplyListener.NONE);
                    outcome = r.outcome() + " " + r.failure().orElse("");
                    assertThat(r.outcome()).as("step " + k).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
                    assertThat(r.failure().orElseThrow()).contains("injected fault at step " + k);
                } catch (HakitException e) {
                    outcome = e.getMessage();
                    assertThat(e.getMessage()).as("step " + k).contains("injected fault at step " + k);
                }
                assertThat(fresh.snapshot()).as("step %d (%s)", k, outcome).isEqualTo(before);
                assertThat(fresh.activeTokens("admin")).as("step " + k).isZero();
                try (F5Adapter a = b.build()) {
                    ApplyResult r = a.apply(reference, a.plan(reference), ApplyListener.NONE);
                    assertThat(r.outcome()).as("second apply after step " + k + ": " + r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.APPLIED);
                    assertThat(a.plan(reference).isEmpty()).isTrue();
                }
            }
        }
    }

    @Test
    void aCommitTheDeviceRejectsChangesNothingAndShowsTheDevicesReason() {
        JsonNode before = sim.snapshot();
        sim.faults().failCommit("01070712:3: Values (/Common/ps-lb.crt) specified for certificate: the key does not match");
        ApplyResult r = converge(b -> { });
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.failure().orElseThrow()).contains("refused by the BIG-IP, nothing changed")
                .contains("the key does not match");
        assertThat(r.applied()).isEmpty();
        assertThat(r.rolledBack()).hasSize(r.plan().changes().size());
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(converge(b -> { }).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
    }

    @Test
    void tokenExpiryMidApplySucceeds() {
        try (F5Adapter a = builder().build()) {
            Plan plan = a.plan(reference);
            ApplyResult r = a.apply(reference, plan, new ApplyListener() {
                @Override
                public void starting(Change change, int index, int total) {
                    if (index == 20) {
                        sim.expireTokens();
                    }
                }
            });
            assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(a.plan(reference).isEmpty()).isTrue();
        }
        assertThat(sim.activeTokens("admin")).isZero();
    }

    @Test
    void twoHundredConsecutiveAppliesNeverExhaustTokens() {
        try (F5Simulator capped = F5Simulator.builder().tokenCap(100).start()) {
            for (int i = 0; i < 200; i++) {
                try (F5Adapter a = F5Adapter.builder().url(capped.url()).credentials("admin", "admin")
                        .lbKey(SimFixtures.lbKey(dir)).build()) {
                    ApplyResult r = a.apply(reference, a.plan(reference), ApplyListener.NONE);
                    assertThat(r.succeeded()).as("apply " + i).isTrue();
                }
            }
            assertThat(capped.activeTokens("admin")).isZero();
            assertThat(capped.transactionsCommitted()).isEqualTo(1);
        }
    }

    @Test
    void foreignObjectsSurviveEveryApplyAndOneInTheWayIsAConflictUntilAdopted() {
        sim.create("/mgmt/tm/ltm/node", Map.of("name", "legacy-db", "partition", "Common", "address", "10.9.9.9"));
        sim.create("/mgmt/tm/ltm/pool", Map.of("name", "legacy-pool", "partition", "Common",
                "members", List.of(Map.of("name", "legacy-db:1433", "partition", "Common"))));
        sim.create("/mgmt/tm/ltm/profile/tcp", Map.of("name", "ps-tcp-1860", "partition", "Common",
                "idleTimeout", 300, "description", "made by hand"));
        JsonNode before = sim.snapshot();
        int writes = sim.writeCount();
        try (F5Adapter a = builder().build()) {
            Plan plan = a.plan(reference);
            assertThat(plan.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(Conflict.Kind.FOREIGN_OBJECT);
                assertThat(c.name()).isEqualTo("/Common/ps-tcp-1860");
                assertThat(c.message()).contains("made by hand").contains("--adopt");
            });
            assertThatThrownBy(() -> a.apply(reference, plan, ApplyListener.NONE)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("nothing was written");
        }
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(sim.writeCount()).isEqualTo(writes);

        ApplyResult adopted = converge(b -> b.adopt(true));
        assertThat(adopted.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        JsonNode after = sim.snapshot();
        assertThat(after.toString()).contains("legacy-db").contains("legacy-pool");
        try (F5Adapter a = builder().build()) {
            BigIp bigIp = a.bigIp();
            F5Object tcp = bigIp.tcpProfiles().get("ps-tcp-1860");
            assertThat(tcp.attributes()).containsEntry("idleTimeout", 1860L)
                    .containsEntry("description", "hakit:example-hospital");
            assertThat(bigIp.pools().get("legacy-pool").description()).isEmpty();
            assertThat(a.plan(reference).isEmpty()).isTrue();
        }
    }

    @Test
    void objectsOfAnotherDeploymentAreNeverDeleted() {
        converge(b -> { });
        sim.create("/mgmt/tm/ltm/profile/tcp", Map.of("name", "other-tcp", "partition", "Common",
                "idleTimeout", 1860, "description", "hakit:other-hospital"));
        Deployment smaller = SimFixtures.deployment(dir, SimFixtures.referenceYaml().replace("  fhir: {}",
                "  fhir: { enabled: false }"));
        try (F5Adapter a = builder().build()) {
            Plan plan = a.plan(smaller);
            assertThat(plan.changes()).allMatch(c -> c.op() == ChangeOp.DELETE)
                    .extracting(Change::name).containsExactly("/Common/ps-fhir-7008-vs", "/Common/ps-fhir-7008",
                            "/Common/ps-fhir-https");
            assertThat(a.apply(smaller, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(a.bigIp().tcpProfiles().find("other-tcp")).isPresent();
            assertThat(a.plan(smaller).isEmpty()).isTrue();
        }
    }

    @Test
    void driftMadeOnTheDeviceShowsInThePlanAndApplyRepairsIt() {
        converge(b -> { });
        sim.modify("/mgmt/tm/ltm/profile/tcp/~Common~ps-tcp-1860", Map.of("idleTimeout", 300));
        sim.modify("/mgmt/tm/ltm/pool/~Common~ps-hl7-2244", Map.of("minActiveMembers", 0));
        sim.delete("/mgmt/tm/ltm/virtual/~Common~ps-reporting-7004-vs");
        try (F5Adapter a = builder().build()) {
            Plan plan = a.plan(reference);
            assertThat(plan.changes()).extracting(c -> c.op() + " " + c.name()).containsExactlyInAnyOrder(
                    "update /Common/ps-tcp-1860", "update /Common/ps-hl7-2244", "create /Common/ps-reporting-7004-vs");
            Change tcp = plan.changes().stream().filter(c -> c.name().equals("/Common/ps-tcp-1860")).findFirst()
                    .orElseThrow();
            assertThat(tcp.before()).isEqualTo(Map.of("idleTimeout", 300L));
            assertThat(tcp.after()).isEqualTo(Map.of("idleTimeout", 1860L));
            assertThat(a.apply(reference, plan, ApplyListener.NONE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(a.plan(reference).isEmpty()).isTrue();
        }
    }

    @Test
    void hl7PoolSendsAllTrafficToOneServerByPriorityGroups() {
        converge(b -> { });
        try (F5Adapter a = builder().build()) {
            F5Object pool = a.bigIp().pools().get("ps-hl7-2244");
            assertThat(pool.attributes()).containsEntry("minActiveMembers", 1L);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> members = (List<Map<String, Object>>) pool.attributes().get("members");
            assertThat(members).extracting(m -> m.get("name") + "=" + m.get("priorityGroup"))
                    .containsExactlyInAnyOrder("app1.hospital.org:2244=20", "app2.hospital.org:2244=10");
            F5Object vs = a.bigIp().virtuals().get("ps-hl7-2244-vs");
            assertThat(vs.attributes().get("destination")).isEqualTo("/Common/10.20.0.51:2244");
            // someone turns priority-group activation off through the fluent API: the plan turns it back on
            assertThat(a.bigIp().pools().modify("ps-hl7-2244", Map.of("minActiveMembers", 0)).attributes())
                    .containsEntry("minActiveMembers", 0L);
            Plan plan = a.plan(reference);
            assertThat(plan.changes()).singleElement().satisfies(c -> {
                assertThat(c.before()).isEqualTo(Map.of("minActiveMembers", 0L));
                assertThat(c.after()).isEqualTo(Map.of("minActiveMembers", 1L));
            });
        }
    }

    @Test
    void missingLbKeyIsRefusedBeforeTheTransactionStarts() {
        try (F5Adapter a = F5Adapter.builder().url(sim.url()).credentials("admin", "admin").build()) {
            Plan plan = a.plan(reference);
            assertThat(plan.conflicts()).extracting(Conflict::kind).containsExactly(Conflict.Kind.MISSING_KEY);
            assertThat(plan.conflicts().get(0).message()).contains("--lb-key");
            sim.clearRequests();
            assertThatThrownBy(() -> a.apply(reference, plan, ApplyListener.NONE)).isInstanceOf(ConflictException.class);
            assertThat(sim.requests()).isEmpty();
        }
        assertThat(sim.writeCount()).isZero();
    }

    @Test
    void dryRunValidatesTheWholeTransactionOnTheDeviceAndChangesNothing() {
        JsonNode before = sim.snapshot();
        ApplyResult r = converge(b -> b.validateOnly(true));
        assertThat(r.succeeded()).isTrue();
        assertThat(r.applied()).isEmpty();
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(sim.requests()).anyMatch(q -> q.body().contains("\"validateOnly\":true"));
    }

    @Test
    void saveAndConfigSyncWaitForInSync() {
        ApplyResult r = converge(b -> b.save(true).syncGroup("dg-hospital").syncWait(Duration.ofSeconds(10),
                Duration.ofMillis(20)));
        assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(sim.configSaves()).isEqualTo(1);
        assertThat(sim.syncStatus()).isEqualTo("In Sync");
    }

    /** Converges with a config-sync to dg-hospital on a device whose sync takes {@code syncDelay}. */
    ApplyResult convergeWithSync(Duration syncDelay, Duration syncTimeout) {
        sim.close();
        sim = F5Simulator.builder().deviceGroup("dg-hospital").syncDelay(syncDelay).start();
        return converge(b -> b.syncGroup("dg-hospital").syncWait(syncTimeout, Duration.ofMillis(20)));
    }

    @Test
    void aSlowConfigSyncIsWaitedForByPolling() {
        ApplyResult r = convergeWithSync(Duration.ofSeconds(2), Duration.ofSeconds(20));
        assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(sim.syncStatus()).isEqualTo("In Sync");
        assertThat(sim.requests().stream().filter(q -> q.method().equals("GET") && q.path().contains("sync-status")))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aConfigSyncThatOutlastsTheSyncTimeOutFailsAfterTheCommit() {
        ApplyResult r = convergeWithSync(Duration.ofSeconds(30), Duration.ofMillis(200));
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(r.failure().orElseThrow()).contains("committed").contains("dg-hospital")
                .contains("still 'Syncing'").contains("sync time-out");
        assertThat(r.applied()).isNotEmpty();
    }

    @Test
    void aSyncToAMissingDeviceGroupReportsTheCommittedChangesAndTheFailure() {
        ApplyResult r = converge(b -> b.syncGroup("no-such-group"));
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.FAILED);
        assertThat(r.failure().orElseThrow()).contains("committed").contains("no-such-group");
        assertThat(r.applied()).isNotEmpty();
    }

    @Test
    void progressIsReportedPerChange() {
        List<String> lines = new ArrayList<>();
        try (F5Adapter a = builder().build()) {
            Plan plan = a.plan(reference);
            a.apply(reference, plan, new ApplyListener() {
                @Override
                public void starting(Change change, int index, int total) {
                    lines.add("[" + (index + 1) + "/" + total + "] " + change);
                }

                @Override
                public void applied(Change change) {
                    lines.add("ok " + change);
                }
            });
            assertThat(lines).hasSize(2 * plan.changes().size());
            assertThat(lines.get(0)).isEqualTo("[1/40] create ltm/node /Common/app1.hospital.org");
        }
    }

    @Test
    void gtmWideIpsForBothNamesConvergeAndReplanEmpty() {
        sim.create("/mgmt/tm/gtm/datacenter", Map.of("name", "dc1", "partition", "Common"));
        io.hakit.f5.F5Renderer gtm = io.hakit.f5.F5Renderer.builder().gtmDatacenter("dc1").build();
        ApplyResult r = converge(b -> b.renderer(gtm));
        assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.APPLIED);
        try (F5Adapter a = builder().renderer(gtm).build()) {
            Plan again = a.plan(reference);
            assertThat(again.isEmpty()).as(again.toText()).isTrue();
            assertThat(a.bigIp().wideIps().list()).extracting(F5Object::name)
                    .containsExactlyInAnyOrder("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
        }
    }

    /** @return the 1-based number of the commit among the requests of one converge from empty */
    int commitStep() {
        try (F5Simulator probe = F5Simulator.builder().start();
                F5Adapter a = F5Adapter.builder().url(probe.url()).credentials("admin", "admin")
                        .lbKey(SimFixtures.lbKey(dir)).build()) {
            a.apply(reference, a.plan(reference), ApplyListener.NONE);
            List<RecordedRequest> run = probe.requests();
            for (int i = 0; i < run.size(); i++) {
                if (run.get(i).method().equals("PATCH") && run.get(i).path().startsWith("/mgmt/tm/transaction/")) {
                    return i + 1;
                }
            }
        }
        throw new AssertionError("no commit");
    }

    @Test
    void aConnectionResetOnTheCommitIsCheckedOnTheDeviceAndReportedAsNothingChanged() {
        int commit = commitStep();
        JsonNode before = sim.snapshot();
        sim.faults().resetRequest(commit);
        ApplyResult r = converge(b -> { });
        assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.failure().orElseThrow()).contains("answer was lost").contains("nothing changed");
        assertThat(sim.snapshot()).isEqualTo(before);
    }

    @Test
    void aCommitStillInFlightAfterTheResponseTimeoutIsDeletedSoItCannotLandLater() throws InterruptedException {
        int commit = commitStep();
        JsonNode before = sim.snapshot();
        sim.faults().delayRequest(commit, Duration.ofMillis(1500));
        ApplyResult r = converge(b -> b.timeouts(Duration.ofSeconds(2), Duration.ofMillis(500)));
        assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.failure().orElseThrow()).contains("response time-out").contains("was deleted, nothing changed");
        Thread.sleep(1500); // the delayed commit arrives now and finds no transaction
        assertThat(sim.snapshot()).isEqualTo(before);
        assertThat(sim.transactionsCommitted()).isZero();
        assertThat(converge(b -> { }).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
    }

    @Test
    void aKeyFileWithoutAPrivateKeyIsRefusedWhenBuilding() throws Exception {
        Path notAKey = java.nio.file.Files.writeString(dir.resolve("cert.pem"), SimFixtures.CA.certificatePem());
        assertThatThrownBy(() -> F5Adapter.builder().lbKey(notAKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no PEM private key");
        assertThatThrownBy(() -> F5Adapter.builder().lbKey(dir.resolve("missing.key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
    }

    @Test
    void aRenewedLoadBalancerCertificateIsReplacedWithItsKeyInTheSameTransaction() throws Exception {
        converge(b -> { });
        io.hakit.test.ThrowawayCa.Issued renewed = SimFixtures.CA.issue(s -> s
                .commonName("patientsecure.hospital.org").dnsNames("patientsecure.hospital.org")
                .validity(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plus(Duration.ofDays(400))));
        java.nio.file.Files.writeString(dir.resolve("certs/lb.pem"), renewed.chainPem());
        Deployment renewedDeployment = io.hakit.model.topology.TopologyLoader.load(dir.resolve("topology.yaml"));
        Path newKey = java.nio.file.Files.writeString(dir.resolve("renewed.key"), renewed.privateKeyPem());

        try (F5Adapter a = builder().build()) {
            // without the new key the old key cannot stay beside the new certificate
            try (F5Adapter noKey = F5Adapter.builder().url(sim.url()).credentials("admin", "admin").build()) {
                assertThat(noKey.plan(renewedDeployment).conflicts()).extracting(Conflict::kind)
                        .containsExactly(Conflict.Kind.MISSING_KEY);
            }
        }
        try (F5Adapter a = F5Adapter.builder().url(sim.url()).credentials("admin", "admin").lbKey(newKey).build()) {
            Plan plan = a.plan(renewedDeployment);
            assertThat(plan.changes()).extracting(c -> c.op() + " " + c.name())
                    .containsExactly("update /Common/ps-lb.crt", "update /Common/ps-lb.key");
            ApplyResult r = a.apply(renewedDeployment, plan, ApplyListener.NONE);
            assertThat(r.outcome()).as(r.failure().orElse("")).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(a.plan(renewedDeployment).isEmpty()).isTrue();
            assertThat(a.bigIp().sslCerts().get("ps-lb.crt").attributes().get("expirationDate"))
                    .isEqualTo(renewed.certificate().getNotAfter().toInstant().getEpochSecond());
        }
        assertThat(sim.transactionsCommitted()).isEqualTo(2);
    }
}
