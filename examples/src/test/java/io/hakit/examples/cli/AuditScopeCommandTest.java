package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hakit audit} judges the deployment's objects only; {@code --verbose} lists the others; {@code --all} judges all. */
class AuditScopeCommandTest {

    private static final String REFERENCE = Path.of("topologies", "reference-iis.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void aConvergedFileBesideAnotherApplicationsFarmAuditsCleanAndCountsItOutOfScope() throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.writeString(file, IisCommandTest.STOCK.replace("</configuration>\r\n", "    <webFarms>\r\n"
                + "        <webFarm name=\"Payroll\">\r\n            <server address=\"pay1.hospital.org\" />\r\n"
                + "        </webFarm>\r\n    </webFarms>\r\n</configuration>\r\n"), StandardCharsets.UTF_8);
        CliRun apply = CliRun.of("apply", "--vendor", "iis", "--config", file.toString(), REFERENCE);
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        CliRun audit = CliRun.of("audit", "--vendor", "iis", "--config", file.toString(), REFERENCE);
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Scope: deployment (the topology's objects); 1 object of other applications "
                + "not judged (--verbose lists them)").doesNotContain("Payroll");

        CliRun verbose = CliRun.of("audit", "--vendor", "iis", "--config", file.toString(), REFERENCE, "--verbose");
        assertThat(verbose.out()).contains("  out of scope: webFarm Payroll");

        CliRun json = CliRun.of("audit", "--vendor", "iis", "--config", file.toString(), "--format", "json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"scope\" : \"found\"").contains("\"outOfScope\" : 1")
                .contains("\"webFarm Payroll\"");

        CliRun all = CliRun.of("audit", "--vendor", "iis", "--config", file.toString(), REFERENCE, "--all");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("Scope: all (every object)").contains("server farm 'Payroll' has no health test");
    }
}
