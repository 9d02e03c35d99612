package io.hakit.f5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class F5ConfigTest {

    @TempDir
    Path dir;

    @Test
    void theRendererReturnsATypedConfigurationWithLookUpsByTypeAndName() {
        F5Config config = F5Renderer.create().render(io.hakit.f5.functional.SimFixtures.reference(dir));
        assertThat(config.of(F5Type.PROFILE_TCP)).extracting(F5Object::name).containsExactly(F5Renderer.TCP_PROFILE);
        assertThat(config.find(F5Type.PROFILE_TCP, F5Renderer.TCP_PROFILE)).isPresent();
        assertThat(config.find(F5Type.PROFILE_TCP, "/Common/" + F5Renderer.TCP_PROFILE))
                .isEqualTo(config.find(F5Type.PROFILE_TCP, F5Renderer.TCP_PROFILE));
        assertThat(config.find(F5Type.POOL, F5Renderer.TCP_PROFILE)).isEmpty();
        assertThat(config.of(F5Type.VIRTUAL)).hasSize((int) config.objects().stream()
                .filter(o -> o.type() == F5Type.VIRTUAL).count()).isNotEmpty();
    }

    @Test
    void theObjectsAreCopiedOnBuild() {
        List<F5Object> objects = new ArrayList<>(List.of(F5Object.builder(F5Type.NODE, "app1.hospital.org").build()));
        F5Config config = new F5Config(objects);
        objects.clear();
        assertThat(config.objects()).hasSize(1);
        assertThatThrownBy(() -> config.objects().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new F5Config(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("objects");
    }
}
