package io.hakit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaultCountersTest {

    @Test
    void writesAreCountedAmongRequestsAndOnTheirOwn() {
        FaultCounters<String> c = new FaultCounters<>();
        c.writes().at(2, "second write");
        c.requests().at(4, "fourth request");
        assertThat(c.next(RequestKind.SESSION)).isNull();
        assertThat(c.next(RequestKind.WRITE)).isNull();
        assertThat(c.next(RequestKind.READ)).isNull();
        assertThat(c.next(RequestKind.WRITE)).isEqualTo("second write");
        assertThat(c.requests().counted()).isEqualTo(4);
        assertThat(c.writes().counted()).isEqualTo(2);
        assertThat(c.saves().counted()).isZero();
    }

    @Test
    void savesAreNotWritesAndReadsAreNeither() {
        FaultCounters<String> c = new FaultCounters<>();
        c.writes().at(1, "w");
        c.saves().at(1, "s");
        assertThat(c.next(RequestKind.READ)).isNull();
        assertThat(c.next(RequestKind.SAVE)).isEqualTo("s");
        assertThat(c.next(RequestKind.WRITE)).isEqualTo("w");
    }

    @Test
    void aRequestMeetsOneFaultTheNarrowerCountsAndBothAreConsumed() {
        FaultCounters<String> c = new FaultCounters<>();
        c.requests().at(1, "any");
        c.writes().at(1, "write");
        assertThat(c.next(RequestKind.WRITE)).isEqualTo("write");
        assertThat(c.next(RequestKind.WRITE)).isNull();
    }

    @Test
    void clearForgetsEveryCountsFaultsButNotTheCounts() {
        FaultCounters<String> c = new FaultCounters<>();
        c.requests().at(2, "r");
        c.writes().at(1, "w");
        c.saves().at(1, "s");
        c.next(RequestKind.WRITE);
        c.clear();
        assertThat(c.next(RequestKind.SAVE)).isNull();
        assertThat(c.next(RequestKind.WRITE)).isNull();
        assertThat(c.requests().counted()).isEqualTo(3);
        assertThat(c.writes().counted()).isEqualTo(2);
    }
}
