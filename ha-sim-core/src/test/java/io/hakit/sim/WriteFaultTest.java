package io.hakit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriteFaultTest {

    @Test
    void everyWayIsTheFiveKindsInOrderWithTheLateAnswerLate() {
        assertThat(WriteFault.everyWay(Duration.ofMillis(700))).extracting(WriteFault::kind)
                .containsExactly(WriteFault.Kind.values());
        assertThat(WriteFault.everyWay(Duration.ofMillis(700))).filteredOn(f -> f.kind() == WriteFault.Kind.LATE_ANSWER)
                .singleElement().extracting(WriteFault::delay).isEqualTo(Duration.ofMillis(700));
        assertThat(WriteFault.everyWay(Duration.ofMillis(700))).filteredOn(f -> f.kind() != WriteFault.Kind.LATE_ANSWER)
                .allMatch(f -> f.delay().isZero());
    }

    @Test
    void onlyTheFaultsAfterApplyingAndTheLateAnswerApply() {
        assertThat(WriteFault.everyWay(Duration.ofSeconds(1))).filteredOn(f -> f.kind().applies())
                .extracting(WriteFault::kind).containsExactly(WriteFault.Kind.DROP_AFTER_APPLY,
                        WriteFault.Kind.ERROR_AFTER_APPLY, WriteFault.Kind.LATE_ANSWER);
    }

    @Test
    void aLateAnswerThatIsNotLateIsRefused() {
        assertThatThrownBy(() -> WriteFault.everyWay(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("late must be positive");
        assertThatThrownBy(() -> new WriteFault(WriteFault.Kind.DROP_AFTER_APPLY, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DROP_AFTER_APPLY");
    }
}
