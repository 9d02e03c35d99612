package io.hakit.iis;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every output of the reference IIS topology against its golden file in
 * {@code src/test/resources/iis/golden}. Regenerate with {@code -Dhakit.updateGolden=true} and review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "iis", "golden");

    static Map<String, String> outputs(Deployment d) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("applicationHost.fragment.config", ArrConfigRenderer.fragment(d));
        out.put("arr-appcmd.cmd", IisScripts.appcmd(d));
        out.put("arr-webadministration.ps1", IisScripts.powerShell(d));
        out.put("certificates.cmd", IisScripts.certificatesCmd(d));
        out.put("certificates.ps1", IisScripts.certificatesPowerShell(d));
        out.putAll(IisScripts.trustCaFiles(d));
        out.put("stock-merged.config", Fixtures.text(ApplicationHostConfig.parse(Fixtures.resource("stock-iis10.config"),
                "stock").merge(ArrConfigRenderer.render(d), ArrConfigRenderer.removedRules(d))));
        return out;
    }

    @Test
    void referenceTopologyOutputsMatchTheirGoldenFiles() throws IOException {
        Map<String, String> outputs = outputs(Fixtures.reference());
        boolean update = Boolean.getBoolean("hakit.updateGolden");
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            Path golden = GOLDEN.resolve(e.getKey());
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, e.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(golden).as("golden file %s", golden).exists();
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }
}
