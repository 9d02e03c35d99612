package io.hakit.f5;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.f5.internal.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BIG-IP's many spellings of one value compare equal after normalisation; a real change still shows. */
class NormalizerTest {

    @Test
    void booleansReferencesAndNumbersAreNormalised() {
        Map<String, Object> a = Normalizer.normalise(Map.of("enabled", true, "mirror", "yes", "pool", "web",
                "timeout", "600", "idleTimeout", 1860, "monitor", "min 1 of { /Common/http /Common/tcp }"));
        assertThat(a).containsEntry("enabled", "enabled").containsEntry("mirror", "enabled")
                .containsEntry("pool", "/Common/web").containsEntry("timeout", 600L).containsEntry("idleTimeout", 1860L)
                .containsEntry("monitor", "min 1 of { /Common/http /Common/tcp }");
    }

    @Test
    void namedListsGetFullPathsAndAreSortedSoProfileOrderIsNoDiff() {
        Object device = Normalizer.normalise(Map.of("profiles", List.of(
                Map.of("name", "ps-serverssl", "partition", "Common", "fullPath", "/Common/ps-serverssl",
                        "context", "serverside", "kind", "tm:ltm:virtual:profiles:profilesstate"),
                Map.of("name", "ps-tcp-1860", "partition", "Common", "context", "all")))).get("profiles");
        Object wanted = Normalizer.normalise(Map.of("profiles", List.of(
                Map.of("name", "/Common/ps-tcp-1860", "context", "all"),
                Map.of("name", "/Common/ps-serverssl", "context", "serverside")))).get("profiles");
        Map<String, Object> projected = Normalizer.project(Map.of("profiles", device), Map.of("profiles", wanted),
                k -> null);
        assertThat(projected.get("profiles")).isEqualTo(wanted);
    }

    @Test
    void projectionFillsDeviceDefaultsAndKeepsExtraItemsSoTheyShowAsDrift() {
        Map<String, Object> want = Normalizer.normalise(Map.of("minActiveMembers", 0, "members", List.of(
                Map.of("name", "app1.hospital.org:7002", "partition", "Common", "priorityGroup", 0))));
        Map<String, Object> device = new LinkedHashMap<>(Normalizer.normalise(Map.of("members", List.of(
                Map.of("name", "app1.hospital.org:7002", "partition", "Common", "session", "monitor-enabled"),
                Map.of("name", "app9.hospital.org:7002", "partition", "Common")))));
        Map<String, Object> projected = Normalizer.project(device, want, k -> k.equals("minActiveMembers") ? 0L : null);
        assertThat(projected.get("minActiveMembers")).isEqualTo(0L);
        assertThat(projected.get("members")).isEqualTo(List.of(
                Map.of("name", "/Common/app1.hospital.org:7002", "priorityGroup", 0L),
                Map.of("name", "/Common/app9.hospital.org:7002", "priorityGroup", 0L)));
        assertThat(projected.get("members")).isNotEqualTo(want.get("members"));
    }

    @Test
    void zeroIsAValueNotAbsent() {
        Map<String, Object> want = Normalizer.normalise(Map.of("minActiveMembers", 0));
        Map<String, Object> device = Normalizer.normalise(Map.of("minActiveMembers", 1));
        assertThat(Normalizer.project(device, want, k -> null)).isNotEqualTo(want);
    }
}
