package io.hakit.model.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms,PT0.5S", "30s,PT30S", "10m,PT10M", "2h,PT2H", "1d,PT24H", "' 30 s ',PT30S", "30S,PT30S",
        "PT30S,PT30S", "pt10m,PT10M", "P1D,PT24H", "0s,PT0S"})
    void readsShortAndIsoForms(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "thirty seconds", "-5s", "1.5s", "", "PT", "P", "s", "30 sec"})
    void refusesAnythingElseNamingTheTextAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration '" + text + "' is not understood; write e.g. 30s, 10m, 500ms or ISO-8601 PT30S");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999999999999d", "99999999999999999999s"})
    void refusesDurationsTooLargeForJava(String text) {
        // regression: 999999999999999d escaped as ArithmeticException ("long overflow")
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration '" + text + "' is too large");
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> Durations.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    @ParameterizedTest
    @CsvSource({"PT0.5S,500ms", "PT30S,30s", "PT10M,10m", "PT2H,2h", "PT48H,2d", "PT90S,90s", "PT0S,0s",
        "PT1.5S,1500ms"})
    void formatsTheShortestFormThatReadsBack(String iso, String text) {
        Duration d = Duration.parse(iso);
        assertThat(Durations.format(d)).isEqualTo(text);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
}
