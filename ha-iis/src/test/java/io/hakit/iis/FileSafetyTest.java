package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, files: the real file behind a link is changed, permissions are kept, deep or huge XML is one line. */
class FileSafetyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T07:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ApplyResult apply(Path config) {
        Deployment d = Fixtures.reference();
        IisAdapter adapter = IisAdapter.builder().config(config).clock(CLOCK).build();
        Plan plan = adapter.plan(d);
        return adapter.apply(d, plan, ApplyListener.NONE);
    }

    @Test
    void applyThroughASymlinkChangesTheRealFileAndKeepsTheLink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("inetsrv")).resolve("applicationHost.config");
        Files.write(real, Fixtures.resource("stock-iis10.config"));
        Path link = Files.createSymbolicLink(dir.resolve("link.config"), real);

        assertThat(apply(link).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(Files.readString(real)).contains("<webFarm name=\"PatientSecure Web Services\"");
        assertThat(dir.resolve("inetsrv").resolve("applicationHost.config.20261202T070000Z.bak"))
                .as("the backup is beside the real file").hasBinaryContent(Fixtures.resource("stock-iis10.config"));
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(link, dir.resolve("inetsrv"));
        }
        assertThat(IisAdapter.builder().config(link).build().plan(Fixtures.reference()).isEmpty()).isTrue();
    }

    @Test
    void aPrivateFileStaysPrivateAndSoDoesItsBackup() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        apply(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Path backup = dir.resolve("applicationHost.config.20261202T070000Z.bak");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");
    }

    @Test
    void aGroupReadableFileKeepsItsExactMode() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        apply(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve("applicationHost.config.20261202T070000Z.bak")))).isEqualTo("rw-r-----");
    }

    @Test
    void tenThousandNestedElementsAreOneLineNamingFileAndLine() throws Exception {
        StringBuilder b = new StringBuilder("<configuration>\n");
        b.append("<a>".repeat(10_000)).append("</a>".repeat(10_000)).append("\n</configuration>\n");
        Path file = dir.resolve("deep.config");
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ApplicationHostConfig.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ":2: elements are nested more than 64 levels deep (<a>); an applicationHost.config "
                        + "nests about ten");
        assertThatThrownBy(() -> ApplicationHostConfig.readFragment(b.toString(), "fragment"))
                .isInstanceOf(ConfigFileException.class).hasMessageStartingWith("fragment:2: elements are nested");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge.config");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {'<'}), ApplicationHostConfig.MAX_FILE_BYTES);
        }
        assertThatThrownBy(() -> ApplicationHostConfig.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": is " + (ApplicationHostConfig.MAX_FILE_BYTES + 1) + " bytes; hakit reads files "
                        + "of at most 33554432 bytes (an applicationHost.config is far smaller)");
    }
}
