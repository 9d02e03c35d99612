package io.hakit.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultScheduleTest {

    @Test
    void aFaultHitsTheKthCountedRequestFromWhenItWasScheduled() {
        FaultSchedule<String> s = new FaultSchedule<>();
        s.next();
        s.at(2, "boom");
        assertThat(s.next()).isNull();
        assertThat(s.next()).isEqualTo("boom");
        assertThat(s.next()).isNull();
        assertThat(s.counted()).isEqualTo(4);
    }

    @Test
    void atReplacesAndMergeCombines() {
        FaultSchedule<String> s = new FaultSchedule<>();
        s.at(1, "a");
        s.at(1, "b");
        s.merge(2, "c", String::concat);
        s.merge(2, "d", String::concat);
        assertThat(s.next()).isEqualTo("b");
        assertThat(s.next()).isEqualTo("cd");
    }

    @Test
    void nextCountCoversTheNextRequestsAndClearForgetsButKeepsCounting() {
        FaultSchedule<String> s = new FaultSchedule<>();
        s.nextCount(2, "503");
        assertThat(s.next()).isEqualTo("503");
        s.clear();
        assertThat(s.next()).isNull();
        assertThat(s.counted()).isEqualTo(2);
        s.at(1, "x");
        assertThat(s.next()).isEqualTo("x");
    }

    @Test
    void misuseFailsFast() {
        FaultSchedule<String> s = new FaultSchedule<>();
        assertThatThrownBy(() -> s.at(0, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be 1 or more");
        assertThatThrownBy(() -> s.nextCount(-1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.at(1, null)).isInstanceOf(NullPointerException.class);
    }
}
