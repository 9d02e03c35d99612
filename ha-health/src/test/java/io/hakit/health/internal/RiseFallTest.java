package io.hakit.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.health.MemberState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RiseFallTest {

    private static List<MemberState> run(RiseFall m, String probes) {
        List<MemberState> states = new ArrayList<>();
        for (char c : probes.toCharArray()) {
            states.add(m.record(c == 'P'));
        }
        return states;
    }

    @Test
    void arrOneProbeDecides() {
        assertThat(run(new RiseFall(1, 1), "PFP")).containsExactly(MemberState.UP, MemberState.DOWN, MemberState.UP);
    }

    @Test
    void failuresMustBeConsecutiveLikeCitrix() {
        // retries 3: "PF PS PF" does not mark DOWN, "PF PF PF" does
        RiseFall m = new RiseFall(1, 3);
        assertThat(run(m, "PFFPFF")).containsOnly(MemberState.UP);
        assertThat(run(m, "F")).containsExactly(MemberState.DOWN);
        assertThat(m.failures()).isEqualTo(3);
    }

    @Test
    void riseNeedsConsecutivePassesFromUnknownAndFromDown() {
        RiseFall m = new RiseFall(2, 2);
        assertThat(run(m, "PFP")).containsOnly(MemberState.UNKNOWN);
        assertThat(run(m, "P")).containsExactly(MemberState.UP);
        assertThat(run(m, "FF")).containsExactly(MemberState.UP, MemberState.DOWN);
        assertThat(run(m, "PFP")).containsOnly(MemberState.DOWN);
        assertThat(run(m, "P")).containsExactly(MemberState.UP);
        assertThat(m.passes()).isEqualTo(2);
    }
}
