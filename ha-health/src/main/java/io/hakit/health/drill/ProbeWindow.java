package io.hakit.health.drill;

import io.hakit.model.ops.DeviceMember;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the probes saw while one server was drained: how many, how many failed (a few lines of why), served by whom. */
final class ProbeWindow {
    long probes;
    long failed;
    final Map<String, Long> servedBy = new TreeMap<>();
    final Set<String> failures = new LinkedHashSet<>();

    /** Counts a failed probe, keeping its line while fewer than {@link Drill#MAX_FAILURE_LINES} are kept. */
    void fail(String line) {
        failed++;
        if (failures.size() < Drill.MAX_FAILURE_LINES) {
            failures.add(line);
        }
    }

    /** Other servers up in the farm at both reads; empty when the drained server is still enabled there. */
    static Set<String> servingOthers(String service, String drained, List<DeviceMember> first,
            List<DeviceMember> last) {
        Set<String> out = new TreeSet<>();
        for (List<DeviceMember> read : List.of(first, last)) {
            boolean stillIn = read.stream().anyMatch(m -> m.service().equals(service) && m.server().equals(drained)
                    && m.state() == DeviceMember.State.ENABLED);
            if (stillIn) {
                return Set.of();
            }
        }
        for (DeviceMember m : first) {
            if (m.service().equals(service) && !m.server().equals(drained) && m.up()
                    && last.stream().anyMatch(l -> l.service().equals(service) && l.server().equals(m.server())
                            && l.group().equals(m.group()) && l.port() == m.port() && l.up())) {
                out.add(m.server());
            }
        }
        return out;
    }

}
