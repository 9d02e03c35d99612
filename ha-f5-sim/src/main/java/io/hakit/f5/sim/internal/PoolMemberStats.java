package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data plane's side of a pool member, which the configuration does not hold: its current server-side
 * connections, set by a test ({@code F5Simulator.connections}), served as BIG-IP's statistics at
 * {@code GET /mgmt/tm/ltm/pool/~P~pool/members/~P~member/stats}: {@code kind}
 * {@code tm:ltm:pool:members:membersstats} and one {@code entries} item whose {@code nestedStats.entries} carry
 * values ({@code {"value":N}}) and descriptions ({@code {"description":"..."}}): {@code serverside.curConns},
 * {@code serverside.totConns}, {@code curSessions}, {@code sessionStatus}, {@code status.enabledState},
 * {@code status.availabilityState}, {@code monitorStatus}, {@code poolName}, {@code nodeName}, {@code addr},
 * {@code port}. A member keeps its connections when disabled ({@code user-disabled}: existing connections
 * finish) until the test lowers them; forced offline ({@code user-down}) drops them. Used under the device's lock.
 */
final class PoolMemberStats {

    private static final Pattern PATH = Pattern.compile("ltm/pool/([^/]+)/members/([^/]+)/stats");
    private final Map<String, Long> connections = new HashMap<>();

    /**
     * @param rest a path after {@code /mgmt/tm/}
     * @return whether it is a pool member's statistics
     */
    static boolean matches(String rest) {
        return PATH.matcher(rest).matches();
    }

    void set(String poolFullPath, String memberFullPath, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("connections (" + count + ") must not be negative");
        }
        connections.put(poolFullPath + " " + memberFullPath, count);
    }

    /**
     * @param store the configuration (the member must exist: a 404 as for the member otherwise)
     * @param rest the path after {@code /mgmt/tm/}
     * @return the statistics body
     */
    ObjectNode read(ConfigStore store, String rest) {
        Matcher m = PATH.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException(rest);
        }
        JsonNode member = store.execute("GET", "ltm/pool/" + m.group(1) + "/members/" + m.group(2), Map.of(), null);
        String pool = Names.fullPath(m.group(1));
        String name = Names.fullPath(m.group(2));
        String state = member.path("state").asText("unchecked");
        boolean disabled = member.path("session").asText("user-enabled").equals("user-disabled");
        long n = state.equals("user-down") ? 0 : connections.getOrDefault(pool + " " + name, 0L);
        String[] ap = Names.splitAddressPort(Names.nameOf(name));
        String self = "https://localhost/mgmt/tm/ltm/pool/" + Names.tilde(pool) + "/members/" + Names.tilde(name);
        ObjectNode body = F5SimJson.object();
        body.put("kind", "tm:ltm:pool:members:membersstats");
        body.put("generation", member.path("generation").asLong(0));
        body.put("selfLink", self + "/stats?ver=" + Names.VERSION);
        ObjectNode e = body.putObject("entries").putObject(self + "/stats").putObject("nestedStats")
                .putObject("entries");
        e.putObject("addr").put("description", member.path("address").asText(ap == null ? "" : ap[0]));
        e.putObject("port").put("value", ap == null ? 0 : Long.parseLong(ap[1]));
        e.putObject("poolName").put("description", pool);
        e.putObject("nodeName").put("description", "/" + Names.partitionOf(name) + "/" + (ap == null ? "" : ap[0]));
        e.putObject("curSessions").put("value", n);
        e.putObject("serverside.curConns").put("value", n);
        e.putObject("serverside.maxConns").put("value", n);
        e.putObject("serverside.totConns").put("value", n);
        e.putObject("monitorStatus").put("description", state.equals("user-down") ? "forced down" : state);
        e.putObject("sessionStatus").put("description", disabled ? "user-disabled" : "enabled");
        e.putObject("status.enabledState").put("description", disabled ? "disabled" : "enabled");
        e.putObject("status.availabilityState").put("description",
                state.equals("user-down") || state.equals("down") ? "offline" : state.equals("up") ? "available"
                        : "unknown");
        return body;
    }
}
