package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16: plain http:// to a device that is not this machine is refused unless --allow-plain-http. */
class PlainHttpOptionTest {

    @ParameterizedTest
    @ValueSource(strings = {"citrix", "f5"})
    void plainHttpToARemoteDeviceIsRefusedInOneLineSayingWhyAndHow(String vendor) {
        CliRun run = CliRun.withEnv(Map.of("P", "x"), "audit", "--vendor", vendor, "--url", "http://192.0.2.10",
                "--user", "admin", "--password-env", "P");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unencrypted").contains("https://192.0.2.10").contains("--allow-plain-http");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"citrix", "f5"})
    void allowPlainHttpLetsTheClientTryTheDevice(String vendor) {
        CliRun run = CliRun.withEnv(Map.of("P", "x"), "audit", "--vendor", vendor, "--url", "http://192.0.2.10",
                "--user", "admin", "--password-env", "P", "--allow-plain-http", "--connect-timeout", "300ms");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).doesNotContain("unencrypted").contains("192.0.2.10");
    }

    @Test
    void plainHttpToThisMachineNeedsNoOption() {
        CliRun run = CliRun.withEnv(Map.of("P", "x"), "audit", "--vendor", "citrix", "--url", "http://127.0.0.1:1",
                "--user", "admin", "--password-env", "P", "--connect-timeout", "300ms");

        assertThat(run.err()).doesNotContain("unencrypted").contains("127.0.0.1:1");
    }
}
