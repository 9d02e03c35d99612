package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hakit render|plan|apply|audit --vendor iis} on the reference IIS topology. */
class IisCommandTest {

    private static final String REFERENCE = Path.of("topologies", "reference-iis.yaml").toString();

    /** A small applicationHost.config of a server with ARR and URL Rewrite installed and no farms. */
    static final String STOCK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
            + "<configuration>\r\n"
            + "    <configSections>\r\n"
            + "        <sectionGroup name=\"system.applicationHost\">\r\n"
            + "            <section name=\"sites\" allowDefinition=\"AppHostOnly\" overrideModeDefault=\"Deny\" />\r\n"
            + "        </sectionGroup>\r\n"
            + "        <sectionGroup name=\"system.webServer\">\r\n"
            + "            <sectionGroup name=\"rewrite\">\r\n"
            + "                <section name=\"globalRules\" overrideModeDefault=\"Deny\" allowDefinition=\"AppHostOnly\" />\r\n"
            + "            </sectionGroup>\r\n"
            + "        </sectionGroup>\r\n"
            + "        <section name=\"webFarms\" overrideModeDefault=\"Deny\" allowDefinition=\"AppHostOnly\" />\r\n"
            + "    </configSections>\r\n"
            + "    <system.applicationHost>\r\n"
            + "        <sites>\r\n"
            + "            <site name=\"Default Web Site\" id=\"1\">\r\n"
            + "                <bindings>\r\n"
            + "                    <binding protocol=\"http\" bindingInformation=\"*:80:\" />\r\n"
            + "                </bindings>\r\n"
            + "            </site>\r\n"
            + "        </sites>\r\n"
            + "    </system.applicationHost>\r\n"
            + "    <system.webServer>\r\n"
            + "        <proxy enabled=\"true\" />\r\n"
            + "    </system.webServer>\r\n"
            + "</configuration>\r\n";

    @TempDir
    Path dir;

    private Path stock() throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.writeString(file, STOCK, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void renderWritesEveryOutput() throws Exception {
        Path out = dir.resolve("iis");
        CliRun run = CliRun.of("render", "--vendor", "iis", REFERENCE, "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "applicationHost.fragment.config", "arr-appcmd.cmd", "arr-webadministration.ps1",
                    "certificates.cmd", "certificates.ps1", "trust-ca.cer");
        }
        assertThat(Files.readString(out.resolve("applicationHost.fragment.config")))
                .contains("<webFarm name=\"PatientSecure Web Services\" enabled=\"true\">");
        assertThat(Files.readString(out.resolve("certificates.cmd"))).contains("netsh http add sslcert ipport=0.0.0.0:7001");
    }

    @Test
    void planApplyAndRePlanOnAFile() throws Exception {
        Path file = stock();
        CliRun plan = CliRun.of("plan", "--vendor", "iis", "--config", file.toString(), REFERENCE, "--detailed-exitcode");
        assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
        assertThat(plan.out()).contains("+ webFarm PatientSecure Identity Server")
                .contains("+ rule ARR_PatientSecure Identity Server_loadbalance_SSL").contains("(0 requests)");

        CliRun dry = CliRun.of("apply", "--vendor", "iis", "--config", file.toString(), REFERENCE, "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(Files.readString(file)).isEqualTo(STOCK);

        CliRun apply = CliRun.of("apply", "--vendor", "iis", "--config", file.toString(), REFERENCE);
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("[1/").contains("(1 writes).");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".bak"))).hasSize(1);
        }
        assertThat(Files.readString(file)).startsWith(STOCK.substring(0, 400)).contains("</system.webServer>\r\n    <webFarms>\r\n        <webFarm ")
                .doesNotContain(">\n");

        CliRun again = CliRun.of("plan", "--vendor", "iis", "--config", file.toString(), REFERENCE, "--detailed-exitcode");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("No changes");

        CliRun audit = CliRun.of("audit", "--vendor", "iis", "--config", file.toString(), REFERENCE);
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
    }

    @Test
    void auditOfAHandMadeFileNamesTheRuleAndExits1() throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.writeString(file, STOCK.replace("    <system.webServer>\r\n",
                "    <webFarms>\r\n        <webFarm name=\"PatientSecure Web Services\">\r\n"
                        + "            <server address=\"app1.hospital.org\" enabled=\"false\" />\r\n"
                        + "        </webFarm>\r\n    </webFarms>\r\n    <system.webServer>\r\n"));
        CliRun run = CliRun.of("audit", "--vendor", "iis", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ARR-001").contains("is offline").contains("ARR-003").contains("HC-001")
                .contains("AFF-001");
        CliRun json = CliRun.of("audit", "--vendor", "iis", "--config", file.toString(), "--format", "json");
        assertThat(json.out()).contains("\"source\" : \"file\"");
    }

    @Test
    void badInputIsOneLineAndExit2() throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.writeString(file, "<configuration>\n  <webFarms>\n</configuration>\n");
        CliRun run = CliRun.of("plan", "--vendor", "iis", "--config", file.toString(), REFERENCE);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("hakit: " + file + ":3: malformed XML").doesNotContain("\n");

        CliRun noConfig = CliRun.of("plan", "--vendor", "iis", REFERENCE);
        assertThat(noConfig.exitCode()).isEqualTo(2);
        assertThat(noConfig.err()).contains("--vendor iis needs --config applicationHost.config");
    }
}
