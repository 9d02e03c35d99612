package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor-independent edges of render, plan, apply, audit and simulate: one line, the right exit code. */
class DeviceCommandsTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";

    @Test
    void anUnknownVendorIsAUsageErrorNamingTheValidOnes() {
        CliRun run = CliRun.of("plan", "--vendor", "netscaler", CITRIX);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("hakit: --vendor netscaler is not one of").doesNotContain("Exception");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aMissingTopologyIsOneLineExit2() {
        CliRun run = CliRun.of("render", "--vendor", "mermaid", "no-such-file.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("no-such-file.yaml");
    }

    @Test
    void aPasswordEnvironmentVariableThatIsNotSetIsNamed() {
        CliRun run = CliRun.withEnv(Map.of(), "audit", "--vendor", "citrix", "--url", "http://127.0.0.1:1",
                "--user", "nsroot", "--password-env", "ADC_PASSWORD");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualToIgnoringNewLines(
                "hakit: --password-env ADC_PASSWORD: that environment variable is not set");
    }

    @Test
    void aUserWithoutPasswordEnvIsRefused() {
        CliRun run = CliRun.withEnv(Map.of(), "audit", "--vendor", "citrix", "--url", "http://127.0.0.1:1",
                "--user", "nsroot");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--user nsroot needs --password-env VAR");
    }

    @Test
    void aMalformedUrlIsOneLine() {
        CliRun run = CliRun.withEnv(Map.of("P", "x"), "audit", "--vendor", "citrix", "--url", "adc.hospital.org",
                "--user", "nsroot", "--password-env", "P");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--url adc.hospital.org is not an http(s) URL");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aCaThatIsADirectoryIsNamed(@TempDir Path dir) {
        CliRun run = CliRun.withEnv(Map.of("P", "x"), "audit", "--vendor", "citrix", "--url", "https://127.0.0.1:1",
                "--user", "nsroot", "--password-env", "P", "--ca", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--ca " + dir + " is a directory");
    }

    @Test
    void renderRefusesATopologyWithErrorsWithExit1(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(CITRIX)).replaceFirst("(?m)^  - fqdn: app2\\.hospital\\.org$",
                "  - fqdn: app2"));
        copyCerts(dir);

        CliRun run = CliRun.of("render", "--vendor", "mermaid", bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("error(s)").contains("TOP-002").contains("hakit validate");
    }

    private static void copyCerts(Path dir) throws Exception {
        Path certs = dir.resolve("certs");
        Files.createDirectories(certs);
        try (var files = Files.list(Path.of("topologies/certs"))) {
            for (Path p : files.toList()) {
                Files.copy(p, certs.resolve(p.getFileName()));
            }
        }
    }
}
