package io.hakit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.health.drill.DrillReport;
import io.hakit.health.drill.DrillStep;
import java.util.Map;
import java.util.TreeMap;

/** DESIGN's drill JSON, shared by {@code hakit drill} and the demo. */
public final class DrillJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DrillJson() {
    }

    /**
     * @param r the drill's report
     * @return {@code {"verdict","restored","steps":[{"server","drained","probes","failed","servedBy":{...},"enabled",
     *     "healthyAfterMs"}]}}, with {@code "message"} when the drill failed
     */
    public static ObjectNode of(DrillReport r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("verdict", r.verdict().wire()).put("restored", r.restored());
        var steps = o.putArray("steps");
        for (DrillStep s : r.steps()) {
            ObjectNode n = steps.addObject().put("server", s.server()).put("drained", s.drained())
                    .put("probes", s.probes()).put("failed", s.failed());
            ObjectNode by = n.putObject("servedBy");
            for (Map.Entry<String, Long> e : new TreeMap<>(s.servedBy()).entrySet()) {
                by.put(e.getKey(), e.getValue());
            }
            n.put("enabled", s.enabled()).put("healthyAfterMs", s.healthyAfterMs());
        }
        if (!r.message().isEmpty()) {
            o.put("message", r.message());
        }
        return o;
    }
}
