package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.ConflictException;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Conflict;
import io.hakit.model.plan.Plan;
import io.hakit.model.validate.AuditReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IisAdapterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T03:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void applyMergesWithABackupInOneWriteAndThenThereIsNothingToDo() throws Exception {
        Path file = Fixtures.copy("custom-crlf-bom.config", dir);
        byte[] original = Files.readAllBytes(file);
        Path backups = dir.resolve("backups");
        Deployment d = Fixtures.reference();
        try (IisAdapter adapter = IisAdapter.builder().config(file).backupDirectory(backups).clock(CLOCK).build()) {
            assertThat(adapter.vendor()).isEqualTo(Vendor.IIS);
            Plan plan = adapter.plan(d);
            assertThat(plan.changes()).isNotEmpty();
            List<String> events = new ArrayList<>();
            ApplyResult result = adapter.apply(d, plan, new ApplyListener() {
                @Override
                public void starting(Change change, int index, int total) {
                    events.add("starting " + (index + 1) + "/" + total);
                }

                @Override
                public void applied(Change change) {
                    events.add("applied " + change.name());
                }
            });
            assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(result.writes()).isEqualTo(1);
            assertThat(result.requests()).isZero();
            assertThat(result.applied()).hasSize(plan.changes().size());
            assertThat(events).hasSize(2 * plan.changes().size()).first().isEqualTo("starting 1/" + plan.changes().size());
            assertThat(Files.readAllBytes(backups.resolve("applicationHost.config.20261129T031500Z.bak")))
                    .isEqualTo(original);
            assertThat(Files.readAllBytes(file)).isEqualTo(ApplicationHostConfig.parse(original, "o")
                    .merge(ArrConfigRenderer.render(d), ArrConfigRenderer.removedRules(d)));
            try (var left = Files.list(dir)) {
                assertThat(left).as("no temporary file left").containsExactlyInAnyOrder(file, backups);
            }

            Plan again = adapter.plan(d);
            assertThat(again.isEmpty()).isTrue();
            ApplyResult nothing = adapter.apply(d, again, ApplyListener.NONE);
            assertThat(nothing.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
            assertThat(nothing.writes()).isZero();
            try (var files = Files.list(backups)) {
                assertThat(files).hasSize(1);
            }
        }
    }

    @Test
    void aSecondApplyInTheSameSecondGetsItsOwnBackup() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Deployment d = Fixtures.reference();
        IisAdapter adapter = IisAdapter.builder().config(file).clock(CLOCK).build();
        adapter.apply(d, adapter.plan(d), ApplyListener.NONE);
        Deployment fewer = d.copy(b -> b.services(d.services().stream().filter(s -> !s.name().equals("reporting"))
                .toList()));
        Plan plan = adapter.plan(fewer);
        assertThat(plan.isEmpty()).as("hakit never deletes a farm it no longer renders").isTrue();
        Deployment moved = d.copy(b -> b.services(d.services().stream().map(s -> s.name().equals("reporting")
                ? s.toBuilder().port(7010).build() : s).toList()));
        adapter.apply(moved, adapter.plan(moved), ApplyListener.NONE);
        assertThat(dir.resolve("applicationHost.config.20261129T031500Z.bak")).exists();
        assertThat(dir.resolve("applicationHost.config.20261129T031500Z-1.bak")).exists();
    }

    @Test
    void aPlanWithConflictsIsRefusedBeforeAnyWrite() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        byte[] before = Files.readAllBytes(file);
        Deployment d = Fixtures.reference();
        IisAdapter adapter = IisAdapter.builder().config(file).build();
        Plan plan = adapter.plan(d);
        Plan blocked = new Plan(plan.vendor(), plan.changes(), 0, List.of(Conflict.foreign("webFarm", "x", "")));
        assertThatThrownBy(() -> adapter.apply(d, blocked, ApplyListener.NONE)).isInstanceOf(ConflictException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void auditReportsFileFindingsAndDrift() {
        Path file = Fixtures.copy("custom-crlf-bom.config", dir);
        IisAdapter adapter = IisAdapter.builder().config(file).build();
        AuditReport alone = adapter.audit(Optional.empty());
        assertThat(alone.source()).isEqualTo(AuditReport.Source.FILE);
        assertThat(alone.vendor()).isEqualTo(Vendor.IIS);
        assertThat(alone.drift()).isEmpty();
        assertThat(alone.byRule("ARR-003")).isNotEmpty();
        AuditReport withTopology = adapter.audit(Optional.of(Fixtures.reference()));
        assertThat(withTopology.drift()).isPresent();
        assertThat(withTopology.driftChanges()).isNotEmpty();
        assertThat(withTopology.toJson()).contains("\"source\" : \"file\"");
    }
}
