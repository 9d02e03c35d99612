package io.hakit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusCodesTest {

    @Test
    void aRangeHoldsItsEndsAndNothingOutside() {
        StatusCodes c = StatusCodes.parse("200-399");
        assertThat(c.contains(200)).isTrue();
        assertThat(c.contains(399)).isTrue();
        assertThat(c.contains(199)).isFalse();
        assertThat(c.contains(400)).isFalse();
        assertThat(c.min()).isEqualTo(200);
        assertThat(c.max()).isEqualTo(399);
        assertThat(c.isContiguous()).isTrue();
        assertThat(c).isEqualTo(StatusCodes.range(200, 399)).hasToString("200-399");
    }

    @Test
    void aListOfCodes() {
        StatusCodes c = StatusCodes.parse("302, 200");
        assertThat(c.codes()).containsExactly(200, 302);
        assertThat(c.contains(201)).isFalse();
        assertThat(c.isContiguous()).isFalse();
        assertThat(c).hasToString("200,302");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"200-299,300-399;200-399", "200-250,240-300;200-300", "201,200,202;200-202",
        "300-399 , 200;200,300-399", "200 - 204;200-204"})
    void rangesAreMergedAndOrderedSoEqualSetsAreEqual(String spec, String canonical) {
        assertThat(StatusCodes.parse(spec)).hasToString(canonical).isEqualTo(StatusCodes.parse(canonical))
                .hasSameHashCodeAs(StatusCodes.parse(canonical));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "'';are empty",
        "'   ';are empty",
        "399-200;runs backwards",
        "200-;is not a code or a range",
        "2xx;is not a code or a range",
        "200,,302;'' is not a code",
        "99;is not a code or a range",
        "600;is outside 100-599",
        "200-600;is outside 100-599",
        "200-299-399;is not a code or a range",
        "abc;is not a code or a range"})
    void malformedSpecificationsAreNamedProblems(String spec, String problem) {
        assertThat(StatusCodes.problem(spec)).hasValueSatisfying(p -> assertThat(p)
                .startsWith("status codes '" + spec + "'").contains(problem));
        assertThatThrownBy(() -> StatusCodes.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void wellFormedSpecificationsHaveNoProblem() {
        assertThat(StatusCodes.problem("200-302")).isEmpty();
        assertThat(StatusCodes.problem("100,599")).isEmpty();
    }

    @Test
    void nullIsRefusedByName() {
        assertThatThrownBy(() -> StatusCodes.parse(null)).isInstanceOf(NullPointerException.class).hasMessage("spec");
        assertThatThrownBy(() -> StatusCodes.range(399, 200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs backwards");
    }
}
