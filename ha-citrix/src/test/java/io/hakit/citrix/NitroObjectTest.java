package io.hakit.citrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The AWS SDK v2 shape: {@code builder()}, {@code toBuilder()} and one static factory, {@code fromDevice}. */
class NitroObjectTest {

    @Test
    void toBuilderMakesAnEditedCopyAndLeavesTheOriginal() {
        NitroObject vs = NitroObject.builder(NitroResource.LBVSERVER).attribute("name", "vs1")
                .attribute("servicetype", "SSL").attribute("port", 443).build();
        NitroObject copy = vs.toBuilder().attribute("port", 7002).remove("servicetype").build();
        assertThat(copy.attributes()).containsExactly(Map.entry("name", "vs1"), Map.entry("port", 7002));
        assertThat(vs.attributes()).containsEntry("port", 443).containsEntry("servicetype", "SSL");
    }

    @Test
    void toBuilderChecksLikeABuiltObject() {
        NitroObject read = NitroObject.fromDevice("lbvserver", Map.of("name", "vs1", "curstate", "UP"));
        assertThat(read.name()).isEqualTo("vs1");
        assertThatThrownBy(read::toBuilder).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("curstate");
        assertThatThrownBy(() -> NitroObject.fromDevice("nosuchtype", Map.of()).toBuilder())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nosuchtype");
    }
}
