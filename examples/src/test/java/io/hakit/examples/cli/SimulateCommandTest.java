package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code hakit simulate VENDOR --tls DIR}: the CA path it prints is the file it wrote. */
class SimulateCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"citrix", "f5"})
    void theCaPathPrintedIsTheFileWritten(String vendor) throws Exception {
        Path tls = dir.resolve("tls-" + vendor);

        CliRun run = CliRun.of("simulate", vendor, "--port", "0", "--tls", tls.toString(), "--stop-after", "1s");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Matcher m = Pattern.compile("; trust (\\S+) with --ca").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        Path printed = Path.of(m.group(1));
        assertThat(printed).startsWith(tls).isRegularFile();
        assertThat(Files.readString(printed)).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
