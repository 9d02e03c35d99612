package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroErrorCodes.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The data plane's side of a service-group member, which the configuration does not hold: its current connections,
 * set by a test ({@code CitrixSimulator.connections}), and the statistics NITRO serves for it at
 * {@code GET /nitro/v1/stat/servicegroupmember?args=servicegroupname:<sg>,servername:<s>,port:<p>}: one
 * {@code servicegroupmember} entry whose counters are strings, as NITRO's statistics are ({@code cursrvrconnections},
 * {@code curclntconnections}, {@code state} UP or OUT OF SERVICE from the member's admin state). A member disabled
 * gracefully keeps its connections until they end (the test lowers them); one disabled without {@code graceful}
 * loses them at once, as the ADC closes them. Used under the simulator's lock.
 */
final class MemberStats {

    private final Map<String, Long> connections = new HashMap<>();

    void set(String group, String server, int port, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("connections (" + count + ") must not be negative");
        }
        connections.put(NitroStore.memberId(group, server, Integer.toString(port)), count);
    }

    /** A member was disabled: without graceful, the ADC closes its connections. */
    void disabled(String group, String server, String port, boolean graceful) {
        if (!graceful) {
            connections.remove(NitroStore.memberId(group, server, port));
        }
    }

    /**
     * @param store the configuration
     * @param type the statistics resource
     * @param args {@code servicegroupname}, {@code servername}, {@code port}
     * @return the body
     */
    ObjectNode read(NitroStore store, String type, Map<String, String> args) {
        if (!type.equals("servicegroupmember")) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "resource", type);
        }
        for (String a : new String[] {"servicegroupname", "servername", "port"}) {
            if (!args.containsKey(a)) {
                throw error(NitroErrorCodes.ARGUMENT_MISSING, a);
            }
        }
        String id = NitroStore.memberId(args.get("servicegroupname"), args.get("servername"), args.get("port"));
        ObjectNode member = store.find("servicegroup_servicegroupmember_binding", id);
        if (member == null) {
            throw error(NitroErrorCodes.NO_SUCH_RESOURCE, "servicegroupmember", args.get("servername"));
        }
        long n = connections.getOrDefault(id, 0L);
        ObjectNode body = NitroStore.F.objectNode().put("errorcode", 0).put("message", "Done").put("severity", "NONE");
        ObjectNode s = body.putArray("servicegroupmember").addObject();
        s.put("servicegroupname", args.get("servicegroupname"));
        s.put("primaryport", Integer.parseInt(args.get("port")));
        s.put("state", "ENABLED".equals(member.path("state").asText("ENABLED")) ? "UP" : "OUT OF SERVICE");
        s.put("curclntconnections", Long.toString(n));
        s.put("cursrvrconnections", Long.toString(n));
        s.put("svrestablishedconn", Long.toString(n));
        s.put("totalrequests", "0");
        return body;
    }
}
