package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.hakit.model.HakitException;
import org.junit.jupiter.api.Test;

class Hl7ExceptionTest {

    @Test
    void hl7FailuresAreCaughtUnderHakitsOneRoot() {
        Throwable thrown = catchThrowable(() -> Hl7Message.parse("not an HL7 message"));
        assertThat(thrown).isInstanceOf(Hl7ParseException.class).isInstanceOf(HakitException.class);
        assertThat(new UndeliveredException("MSG1", "gave up", null)).isInstanceOf(HakitException.class);
    }
}
