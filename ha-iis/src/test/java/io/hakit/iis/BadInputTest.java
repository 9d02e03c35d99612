package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.Plan;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input: one line naming file, line and element; the file untouched. */
class BadInputTest {

    private static final String SECTIONS = "  <configSections>\n"
            + "    <sectionGroup name=\"system.applicationHost\"><section name=\"sites\" /></sectionGroup>\n"
            + "    <sectionGroup name=\"system.webServer\"><sectionGroup name=\"rewrite\">"
            + "<section name=\"globalRules\" /></sectionGroup></sectionGroup>\n"
            + "    <section name=\"webFarms\" />\n"
            + "  </configSections>\n";

    @TempDir
    Path dir;

    private ConfigFileException fails(String content) throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);
        Deployment d = Fixtures.reference();
        IisAdapter adapter = IisAdapter.builder().config(file).build();
        ConfigFileException e = (ConfigFileException) org.assertj.core.api.Assertions.catchThrowable(() -> adapter.plan(d));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(file.toString());
        assertThatThrownBy(() -> adapter.audit(Optional.empty())).isInstanceOf(ConfigFileException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        return e;
    }

    @Test
    void malformedXmlNamesTheLine() throws Exception {
        ConfigFileException e = fails("<configuration>\n" + SECTIONS + "  <webFarms>\n    <webFarm name=\"x\">\n"
                + "  </webFarms>\n</configuration>\n");
        assertThat(e.line()).isEqualTo(9);
        assertThat(e.getMessage()).contains(":9: malformed XML");
    }

    @Test
    void aFileWithoutConfigurationRootIsRejected() throws Exception {
        ConfigFileException e = fails("<?xml version=\"1.0\"?>\n<settings>\n  <add key=\"a\" />\n</settings>\n");
        assertThat(e.getMessage()).endsWith(":2: the root element is <settings>, not <configuration>: this is not an "
                + "applicationHost.config");
    }

    @Test
    void aWebConfigIsNotAnApplicationHostConfig() throws Exception {
        ConfigFileException e = fails("<configuration>\n  <system.webServer>\n    <rewrite><rules /></rewrite>\n"
                + "  </system.webServer>\n</configuration>\n");
        assertThat(e.getMessage()).endsWith(":1: <configuration> has no <configSections>: this is not an "
                + "applicationHost.config (a web.config?)");
        ConfigFileException noHost = fails("<configuration>\n  <configSections>\n    <section name=\"x\" />\n"
                + "  </configSections>\n</configuration>\n");
        assertThat(noHost.getMessage()).contains(":2: <configSections> registers no system.applicationHost section group");
    }

    @Test
    void aServerWithoutArrIsNamedAsSuch() throws Exception {
        ConfigFileException e = fails("<configuration>\n" + SECTIONS.replace("    <section name=\"webFarms\" />\n", "")
                + "</configuration>\n");
        assertThat(e.getMessage()).contains(":2: <configSections> registers no webFarms section: Application Request "
                + "Routing is not installed");
        ConfigFileException noRewrite = fails("<configuration>\n" + SECTIONS.replace(
                "<section name=\"globalRules\" />", "") + "</configuration>\n");
        assertThat(noRewrite.getMessage()).contains("URL Rewrite is not installed");
    }

    @Test
    void duplicateFarmOrRuleNamesAreRejectedWithBothLines() throws Exception {
        ConfigFileException farms = fails("<configuration>\n" + SECTIONS + "  <webFarms>\n"
                + "    <webFarm name=\"PatientSecure Web Services\" />\n"
                + "    <webFarm name=\"patientsecure web services\" />\n"
                + "  </webFarms>\n</configuration>\n");
        assertThat(farms.getMessage()).endsWith(":9: webFarm 'patientsecure web services' is defined twice (first at "
                + "line 8)");
        ConfigFileException rules = fails("<configuration>\n" + SECTIONS + "  <system.webServer><rewrite><globalRules>\n"
                + "    <rule name=\"r\"><match url=\".*\" /></rule>\n"
                + "    <rule name=\"r\"><match url=\".*\" /></rule>\n"
                + "  </globalRules></rewrite></system.webServer>\n</configuration>\n");
        assertThat(rules.getMessage()).endsWith(":9: globalRules rule 'r' is defined twice (first at line 8)");
    }

    @Test
    void aBadValueNamesItsElementAndAttribute() throws Exception {
        ConfigFileException e = fails("<configuration>\n" + SECTIONS + "  <webFarms>\n"
                + "    <webFarm name=\"F\">\n      <server address=\"a\">\n"
                + "        <applicationRequestRouting httpsPort=\"70001\" />\n      </server>\n    </webFarm>\n"
                + "  </webFarms>\n</configuration>\n");
        assertThat(e.getMessage()).endsWith(":10: configuration/webFarms/webFarm[@name='F']/server/"
                + "applicationRequestRouting: httpsPort=\"70001\" is out of range 1..65535");
    }

    @Test
    void aDoctypeIsRefused() throws Exception {
        ConfigFileException e = fails("<?xml version=\"1.0\"?>\n<!DOCTYPE configuration [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>\n<configuration>&x;</configuration>\n");
        assertThat(e.getMessage()).contains("applicationHost.config:");
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assertThatThrownBy(() -> ApplicationHostConfig.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": cannot be read: permission denied");
        assertThatThrownBy(() -> ApplicationHostConfig.read(dir.resolve("missing.config")))
                .hasMessage(dir.resolve("missing.config") + ": does not exist");
    }

    @Test
    void aReadOnlyFileIsNotWritten() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(file);
        Deployment d = Fixtures.reference();
        IisAdapter adapter = IisAdapter.builder().config(file).build();
        Plan plan = adapter.plan(d);
        assertThatThrownBy(() -> adapter.apply(d, plan, ApplyListener.NONE)).isInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": is read-only; nothing was written");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aChangeByAnotherWriterBetweenReadAndWriteIsNeverOverwritten() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Deployment d = Fixtures.reference();
        ApplicationHostConfig read = ApplicationHostConfig.read(file);
        byte[] merged = read.merge(ArrConfigRenderer.render(d), ArrConfigRenderer.removedRules(d));
        String theirs = Files.readString(file).replace("<proxy enabled=\"true\" />", "<proxy enabled=\"false\" />");
        Files.writeString(file, theirs);
        assertThatThrownBy(() -> read.replace(merged, Optional.empty(), Clock.systemUTC()))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(file + ": was changed by another writer since hakit read it");
        assertThat(Files.readString(file)).isEqualTo(theirs);
    }

    @Test
    void aFileChangedSinceThePlanIsNotApplied() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Deployment d = Fixtures.reference();
        IisAdapter adapter = IisAdapter.builder().config(file).build();
        Plan plan = adapter.plan(d);
        byte[] half = ApplicationHostConfig.read(file).merge(ArrConfig.builder().farm(ArrConfigRenderer.render(d)
                .farms().get(0)).build(), java.util.List.of());
        Files.write(file, half);
        assertThatThrownBy(() -> adapter.apply(d, plan, ApplyListener.NONE)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("changed since the plan was made");
        assertThat(Files.readAllBytes(file)).isEqualTo(half);
    }

    @Test
    void aFileLockedByAnotherWriterIsNotWritten() throws Exception {
        Path file = Fixtures.copy("stock-iis10.config", dir);
        Deployment d = Fixtures.reference();
        ApplicationHostConfig read = ApplicationHostConfig.read(file);
        byte[] merged = read.merge(ArrConfigRenderer.render(d), ArrConfigRenderer.removedRules(d));
        byte[] before = Files.readAllBytes(file);
        try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE); FileLock lock = other.lock()) {
            assertThat(lock.isValid()).isTrue();
            assertThatThrownBy(() -> read.replace(merged, Optional.empty(), Clock.systemUTC()))
                    .isInstanceOf(ConfigFileException.class)
                    .hasMessage(file + ": is locked by another process; nothing was written");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aUtf16FileIsNamed() throws Exception {
        Path file = dir.resolve("applicationHost.config");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, '<', 0});
        assertThatThrownBy(() -> ApplicationHostConfig.read(file)).hasMessageContaining(":1: is UTF-16");
    }
}
