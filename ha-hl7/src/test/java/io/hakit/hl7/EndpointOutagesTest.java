package io.hakit.hl7;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class EndpointOutagesTest {

    final FakeTiming timing = new FakeTiming(0.0);
    final RecordingLogger log = new RecordingLogger();
    final EndpointOutages outages = new EndpointOutages(
            List.of(MllpEndpoint.of("app1.hospital.org", 2244), MllpEndpoint.of("app2.hospital.org", 2244)),
            Duration.ofSeconds(1), Duration.ofSeconds(5), timing, log, () -> 3);

    private Duration failRound() {
        outages.markDown(0);
        outages.markDown(1);
        outages.attemptFailed();
        outages.attemptFailed();
        return Duration.ofNanos(outages.nextTryAt() - timing.nanoTime());
    }

    @Test
    void aRoundBacksOffOnlyOnceEveryEndpointFailedThenDoublesUpToTheCap() {
        assertThat(outages.markDown(0)).isTrue();
        assertThat(outages.markDown(0)).as("already down").isFalse();
        outages.attemptFailed();
        assertThat(outages.backingOff()).as("one endpoint of two failed").isFalse();
        outages.markDown(1);
        outages.attemptFailed();
        assertThat(outages.backingOff()).isTrue();
        assertThat(Duration.ofNanos(outages.nextTryAt() - timing.nanoTime())).isEqualTo(Duration.ofSeconds(1));
        assertThat(failRound()).isEqualTo(Duration.ofSeconds(2));
        assertThat(failRound()).isEqualTo(Duration.ofSeconds(4));
        assertThat(failRound()).isEqualTo(Duration.ofSeconds(5));
        assertThat(log.at(Level.WARN)).containsExactly("all 2 endpoints down; next try in 1 s; 3 messages waiting");
    }

    @Test
    void anAcknowledgementEndsTheOutageAndStartsTheBackOffAgain() {
        failRound();
        failRound();
        outages.acknowledged(1);
        assertThat(outages.backingOff()).isFalse();
        assertThat(log.at(Level.INFO)).singleElement().asString()
                .startsWith("delivery resumed on app2.hospital.org:2244 after ");
        assertThat(failRound()).isEqualTo(Duration.ofSeconds(1));
        outages.stopBackingOff();
        assertThat(outages.backingOff()).isFalse();
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertThat(EndpointOutages.duration(Duration.ofMillis(250).toNanos())).isEqualTo("250 ms");
        assertThat(EndpointOutages.duration(Duration.ofSeconds(8).toNanos())).isEqualTo("8 s");
        assertThat(EndpointOutages.duration(Duration.ofSeconds(125).toNanos())).isEqualTo("2 min 5 s");
        assertThat(EndpointOutages.duration(Duration.ofMinutes(63).toNanos())).isEqualTo("1 h 3 min");
    }
}
