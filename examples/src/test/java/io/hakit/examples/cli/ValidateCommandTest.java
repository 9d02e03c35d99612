package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateCommandTest {

    static final Path TOPOLOGIES = Path.of("topologies");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"reference-citrix.yaml", "reference-f5.yaml", "reference-iis.yaml", "reference-iis.json",
        "non-production.yaml"})
    void everyShippedTopologyValidatesWithExitZero(String name) {
        CliRun run = CliRun.of("validate", TOPOLOGIES.resolve(name).toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("0 error(s)")
                .contains("Product URLs to configure")
                .contains("https://patientsecure")
                .contains("Client connection (FQDN:port)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBrokenRuleExitsOneAndNamesTheRule() throws IOException {
        Path file = copyReference("reference-citrix.yaml", "  web-services: {}", "  web-services: { lbPort: 7102 }");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Errors (1)").contains("SVC-004")
                .contains("services.web-services.lbPort").contains("1 error(s)");
    }

    @Test
    void jsonOutputHasTheContractShape() throws IOException {
        Path file = copyReference("reference-citrix.yaml", "  admin-console: {}", "  admin-console: { ports: [80, 8443] }");

        CliRun run = CliRun.of("validate", "--format", "json", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("errors").asInt()).isGreaterThan(0);
        assertThat(json.get("warnings").isInt()).isTrue();
        JsonNode first = json.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("SVC-002");
        assertThat(first.get("severity").asText()).isEqualTo("error");
        assertThat(first.get("path").asText()).isEqualTo("services.admin-console.ports");
        assertThat(first.get("message").asText()).contains("80 and 443");
        assertThat(first.has("hint")).isTrue();
    }

    @Test
    void unreadableInputExitsTwoWithOneLineAndNoStackTrace() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: x\nloadBalancer:\n  vendr: citrix\n");

        CliRun run = CliRun.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("broken.yaml:3:3").contains("loadBalancer.vendr")
                .contains("did you mean 'vendor'?").doesNotContain("at io.hakit");
    }

    @Test
    void verboseShowsTheStackTrace() {
        CliRun run = CliRun.of("validate", "--verbose", dir.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file").contains("at io.hakit");
    }

    @Test
    void aDirectoryIsUnreadableInput() {
        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of("validate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", "--format", "xml", "x.yaml").exitCode()).isEqualTo(2);
        CliRun unknown = CliRun.of("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("frobnicate");
    }

    @Test
    void helpExitsZero() {
        CliRun run = CliRun.of("validate", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: hakit validate").contains("--format");
    }

    private Path copyReference(String name, String find, String replace) throws IOException {
        Files.createDirectories(dir.resolve("certs"));
        try (var certs = Files.list(TOPOLOGIES.resolve("certs"))) {
            for (Path c : certs.toList()) {
                Files.copy(c, dir.resolve("certs").resolve(c.getFileName()));
            }
        }
        String text = Files.readString(TOPOLOGIES.resolve(name));
        assertThat(text).contains(find);
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace(find, replace));
        return file;
    }
}
