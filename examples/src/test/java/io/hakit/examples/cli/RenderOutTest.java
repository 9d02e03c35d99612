package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, files: {@code render --out} never overwrites silently and never writes through a link. */
class RenderOutTest {

    private static final String REFERENCE = Path.of("topologies", "reference-iis.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void aNonEmptyDirectoryIsRefusedWithoutForce() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path mine = Files.writeString(out.resolve("arr-appcmd.cmd"), "my own script", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("render", "--vendor", "iis", REFERENCE, "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").isEqualTo("hakit: --out " + out + " is not empty (1 entry); "
                + "choose an empty directory, or add --force to replace the files hakit writes there");
        assertThat(Files.readString(mine)).isEqualTo("my own script");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(mine);
        }

        CliRun forced = CliRun.of("render", "--vendor", "iis", REFERENCE, "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readString(mine)).startsWith("@echo off");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).hasSize(6).noneMatch(p -> p.getFileName().toString().endsWith(".hakit.tmp"));
        }
    }

    @Test
    void aSymlinkInTheDirectoryIsNeverFollowedEvenWithForce() throws Exception {
        Path elsewhere = Files.writeString(dir.resolve("unrelated.txt"), "keep me", StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(out.resolve("certificates.cmd"), elsewhere);

        for (String[] args : new String[][] {
            {"render", "--vendor", "iis", REFERENCE, "--out", out.toString()},
            {"render", "--vendor", "iis", REFERENCE, "--out", out.toString(), "--force"}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").startsWith("hakit: --out " + out);
        }
        CliRun forced = CliRun.of("render", "--vendor", "iis", REFERENCE, "--out", out.toString(), "--force");
        assertThat(forced.err()).contains("certificates.cmd is a symbolic link; hakit does not write through links it "
                + "did not create");
        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).containsExactly(link);
        }
    }

    @Test
    void aDeeplyNestedConfigIsOneLineAndExitTwo() throws Exception {
        Path config = dir.resolve("applicationHost.config");
        Files.writeString(config, "<configuration>\n" + "<a>".repeat(10_000) + "</a>".repeat(10_000)
                + "\n</configuration>\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("plan", "--vendor", "iis", "--config", config.toString(), REFERENCE);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").isEqualTo("hakit: " + config + ":2: elements are nested "
                + "more than 64 levels deep (<a>); an applicationHost.config nests about ten");
    }
}
