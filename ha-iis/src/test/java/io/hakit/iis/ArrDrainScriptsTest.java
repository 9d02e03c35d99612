package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Deployment;
import io.hakit.model.ops.DrainOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IIS drain and enable scripts against the reference topology merged into a stock file: what they call, in
 * which order, and their golden files ({@code src/test/resources/iis/golden/drain-app1.ps1}, {@code enable-app1.ps1};
 * regenerate with {@code -Dhakit.updateGolden=true}).
 */
class ArrDrainScriptsTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "iis", "golden");
    private final Deployment d = Fixtures.reference();
    private final ArrConfig merged = ApplicationHostConfig.parse(ApplicationHostConfig.parse(
            Fixtures.resource("stock-iis10.config"), "stock").merge(ArrConfigRenderer.render(d),
            ArrConfigRenderer.removedRules(d)), "merged").arr();
    private final String app1 = d.servers().get(0).fqdn();

    @Test
    void drainScriptRefusesFirstThenDrainsEveryFarmAndWaitsOnCurrentRequests() {
        String s = ArrDrainScripts.drain(d, merged, app1, DrainOptions.of(o -> o.waitFor(Duration.ofSeconds(90))));
        List<String> farms = ArrDrainScripts.farms(d, merged, app1);
        assertThat(farms).hasSize(ArrConfigRenderer.render(d).farms().size());
        for (String f : farms) {
            assertThat(s).contains("    '" + f + "'");
        }
        assertThat(s).contains("[int]$WaitSeconds = 90,").contains("$server = '" + app1 + "'")
                .contains("Methods['SetState'].CreateInstance()").contains("GetChildElement('counters')")
                .contains("GetAttributeValue('currentRequests')").contains("exit 1").doesNotContain("\n\n");
        int refuse = s.indexOf("refused:");
        int drain = s.indexOf("Invoke-SetState $m 1 # Drain");
        int wait = s.indexOf("'currentRequests'");
        int stop = s.indexOf("Invoke-SetState (Get-Member $name) 2 } # GracefulStop");
        assertThat(refuse).isPositive();
        assertThat(drain).isGreaterThan(refuse);
        assertThat(wait).isGreaterThan(drain);
        assertThat(stop).isGreaterThan(wait);
        assertThat(s.split("\r\n", -1)).allSatisfy(line -> assertThat(line).doesNotContain("\n"));
    }

    @Test
    void enableScriptStartsOnlyTheRecordedFarms() {
        String s = ArrDrainScripts.enable(d, merged, app1);
        assertThat(s).contains("Invoke-SetState (Get-Member $name) 0 # Start").contains("Get-Content -Path $stateFile")
                .contains("Remove-Item -Path $stateFile").doesNotContain("# Drain").doesNotContain("GracefulStop\r\n");
    }

    @Test
    void aServerInNoFarmIsAnError() {
        assertThatThrownBy(() -> ArrDrainScripts.drain(d, merged, "app9.hospital.org", DrainOptions.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app9.hospital.org");
    }

    @Test
    void scriptsMatchTheirGoldenFiles() throws IOException {
        golden("drain-app1.ps1", ArrDrainScripts.drain(d, merged, app1, DrainOptions.DEFAULTS));
        golden("enable-app1.ps1", ArrDrainScripts.enable(d, merged, app1));
    }

    private static void golden(String name, String content) throws IOException {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("hakit.updateGolden")) {
            Files.writeString(golden, content, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(content).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
