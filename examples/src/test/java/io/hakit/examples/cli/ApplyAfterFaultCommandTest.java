package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.sim.WriteFault;
import io.hakit.test.ThrowawayCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 item 4, as an operator sees it: {@code hakit apply --save} after a fault exits 1 and says the state. */
class ApplyAfterFaultCommandTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";
    private static final Map<String, String> ENV = Map.of("P", "admin");

    @TempDir
    Path dir;

    private CliRun apply(String vendor, String url, String topology, String... more) {
        String[] base = {"apply", "--vendor", vendor, "--url", url, "--user", "admin", "--password-env", "P"};
        String[] args = new String[base.length + more.length + 1];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        args[args.length - 1] = topology;
        return CliRun.withEnv(ENV, args);
    }

    /** Regression: a save answered 500 or dropped exited 0 with "Applied 112 changes" and nothing on stderr. */
    @ParameterizedTest
    @EnumSource(value = WriteFault.Kind.class, names = {"ERROR_BEFORE_APPLY", "DROP_BEFORE_APPLY"})
    void aCitrixSaveThatFailsExits1WithALineOnStderrAndTheNextApplySaves(WriteFault.Kind kind) throws Exception {
        Path key = Files.writeString(dir.resolve("lb.key"),
                ThrowawayCa.create("cli test").issueServer("patientsecure.hospital.org").privateKeyPem());
        try (CitrixSimulator sim = CitrixSimulator.builder().start()) {
            sim.faults().save(1, WriteFault.of(kind));
            CliRun r = apply("citrix", sim.url().toString(), CITRIX, "--lb-key", key.toString(), "--save");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("saving the configuration failed").contains("unsaved");
            assertThat(r.out()).doesNotContain("Applied ");
            // nothing left to apply, but the ADC reports unsaved changes: the re-apply saves them
            CliRun again = apply("citrix", sim.url().toString(), CITRIX, "--lb-key", key.toString(), "--save");
            assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
            assertThat(again.out()).contains("already matches").contains("was saved");
            CliRun third = apply("citrix", sim.url().toString(), CITRIX, "--lb-key", key.toString(), "--save");
            assertThat(third.out()).contains("Nothing to do").contains("(0 writes)");
        }
    }

    /** Regression: F5 failures before the transaction exited 2 (the usage code) and said nothing of the device. */
    @Test
    void anF5DeviceFailureExits1WithASentenceOnTheDevicesState() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            sim.faults().unavailable(40);
            CliRun r = apply("f5", sim.url().toString(), "topologies/reference-f5.yaml", "--save");
            assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("nothing was written to the device");
        }
    }
}
