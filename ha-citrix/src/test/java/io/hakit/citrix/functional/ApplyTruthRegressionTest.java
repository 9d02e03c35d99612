package io.hakit.citrix.functional;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.Fixtures;
import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.ChangeOp;
import io.hakit.model.plan.Plan;
import io.hakit.sim.WriteFault;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import io.hakit.test.CitrixSimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Citrix defects of issue 15 item 4, one test each. */
@CitrixSimulatorTest
class ApplyTruthRegressionTest {

    /** The ADC each test works on; the leftover-file case takes a fresh second one. */
    CitrixSimulator sim;

    @TempDir
    Path dir;

    private final Deployment reference = Fixtures.reference();

    private CitrixAdapter adapter(CitrixSimulator sim, boolean save) {
        return CitrixAdapter.builder().client(Fixtures.client(sim)).lbKey(Fixtures.lbKey(dir)).save(save).build();
    }

    /**
     * Regression: the macroapi applied, then answered 5xx, was taken at its word ("nothing changed (3 undone)"
     * while the objects remained), and the undo deleted the certificate files of the sslcertkeys left behind.
     */
    @Test
    void appliedThen500IsUndoneAndACertificateFileStillInUseIsKept() {
        try (CitrixAdapter adc = adapter(sim, false)) {
            Plan plan = adc.plan(reference);
            String certkey = CitrixRenderer.LB_CERTKEY;
            sim.faults().write(2, WriteFault.of(WriteFault.Kind.ERROR_AFTER_APPLY)); // 1 files, 2 macroapi
            ApplyResult r = adc.apply(reference, plan, new ApplyListener() {
                @Override
                public void rollingBack(Change change) {
                    if (change.type().equals("sslcertkey") && change.name().equals(certkey)) {
                        // the ADC refuses to delete the certificate: it stays, and so must its files
                        sim.faults().failOn("sslcertkey", certkey, 257, "Operation not permitted");
                    }
                }
            });
            sim.faults().clear();
            assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.FAILED);
            assertThat(r.summary()).doesNotContain("nothing changed");
            assertThat(r.applied()).anyMatch(c -> c.type().equals("sslcertkey") && c.name().equals(certkey));
            JsonNode files = sim.snapshot().path("systemfile");
            String cert = plan.changes().stream().filter(c -> c.type().equals("sslcertkey")
                    && c.name().equals(certkey)).findFirst().orElseThrow().after().get("cert").toString();
            assertThat(files.toString()).as("the file of the sslcertkey left behind").contains(cert);
            assertThat(r.failure().orElseThrow()).contains("read back").contains("not as before");
            // and the next apply converges
            assertThat(adc.apply(reference, adc.plan(reference), ApplyListener.NONE).succeeded()).isTrue();
            assertThat(adc.plan(reference).changes()).isEmpty();
        }
    }

    /** With every creation undone after a 5xx, the result is rolled back only because the ADC reads as before. */
    @Test
    void appliedThen500OnTheMacroWithAnUndoThatWorksIsRolledBackAndTheAdcIsAsBefore() {
        try (CitrixAdapter adc = adapter(sim, false)) {
            JsonNode before = sim.snapshot();
            Plan plan = adc.plan(reference);
            sim.faults().write(2, WriteFault.of(WriteFault.Kind.ERROR_AFTER_APPLY));
            ApplyResult r = adc.apply(reference, plan, ApplyListener.NONE);
            assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(r.failure().orElseThrow()).contains("read back: the ADC is exactly as before");
            assertThat(AllOrNothingTest.diff(before, sim.snapshot())).isEmpty();
        }
    }

    /** Regression: a certificate upload left behind made every later apply fail with 1642 "File already exists". */
    @Test
    void aLeftoverCertificateFileWithTheSameContentIsReusedAndOneWithOtherContentReplaced() {
        try (CitrixAdapter adc = adapter(sim, false)) {
            Plan first = adc.plan(reference);
            String cert = certFile(first);
            CitrixConfig config = CitrixRenderer.render(reference);
            String pem = config.files().stream().filter(f -> f.name().equals(cert)).findFirst().orElseThrow().pem();
            upload(sim, cert, pem);
            Plan reuse = adc.plan(reference);
            assertThat(reuse.changes()).noneMatch(c -> c.type().equals("systemfile") && c.name().equals(cert));
            assertThat(adc.apply(reference, reuse, ApplyListener.NONE).outcome())
                    .isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(reference).changes()).isEmpty();
        }
        try (CitrixSimulator fresh = CitrixSimulator.builder().start(); CitrixAdapter adc = adapter(fresh, false)) {
            String cert = certFile(adc.plan(reference));
            upload(fresh, cert, "-----BEGIN CERTIFICATE-----\nbGVmdG92ZXI=\n-----END CERTIFICATE-----\n");
            Plan replace = adc.plan(reference);
            assertThat(replace.changes()).contains(Change.create("systemfile", cert,
                    replace.changes().stream().filter(c -> c.op() == ChangeOp.CREATE && c.name().equals(cert))
                            .findFirst().orElseThrow().after()));
            assertThat(replace.changes()).anyMatch(c -> c.op() == ChangeOp.DELETE && c.name().equals(cert));
            ApplyResult r = adc.apply(reference, replace, ApplyListener.NONE);
            assertThat(r.outcome()).as(r.toJson()).isEqualTo(ApplyResult.Outcome.APPLIED);
            assertThat(adc.plan(reference).changes()).isEmpty();
        }
    }

    /** Regression: a re-apply with nothing to do did not save, although the ADC reported unsaved changes. */
    @Test
    void nothingToDoStillSavesWhenTheAdcReportsUnsavedChanges() {
        try (CitrixAdapter adc = adapter(sim, false)) {
            adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
        }
        try (NitroClient c = Fixtures.client(sim)) {
            assertThat(c.configChanged()).isTrue();
        }
        try (CitrixAdapter adc = adapter(sim, true)) {
            ApplyResult r = adc.apply(reference, adc.plan(reference), ApplyListener.NONE);
            assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.NOTHING_TO_DO);
            assertThat(r.summary()).contains("was saved");
        }
        try (NitroClient c = Fixtures.client(sim)) {
            assertThat(c.configChanged()).isFalse();
        }
    }

    private static String certFile(Plan plan) {
        return plan.changes().stream().filter(c -> c.type().equals("systemfile") && !c.name().endsWith(".key"))
                .findFirst().orElseThrow().name();
    }

    private static void upload(CitrixSimulator sim, String name, String content) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("filename", name);
        f.put("filelocation", CitrixConfig.SSL_DIRECTORY);
        f.put("filecontent", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.US_ASCII)));
        f.put("fileencoding", "BASE64");
        try (NitroClient c = Fixtures.client(sim)) {
            c.add(NitroObject.fromDevice("systemfile", f));
        }
    }
}
