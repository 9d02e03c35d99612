package io.hakit.f5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.ServiceMode;
import io.hakit.model.Vip;
import io.hakit.model.ops.DeviceMember;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.MemberDevice;
import io.hakit.model.ops.OperationalState;
import io.hakit.model.validate.Finding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A BIG-IP's pool members as a {@link MemberDevice}. Reads every pool with its members in one request
 * ({@code GET /mgmt/tm/ltm/pool?expandSubcollections=true}); takes a member out with
 * {@code PATCH .../members/~Common~<member>} {@code {"session":"user-disabled"}} (no new connections, persistence
 * honoured), forces it offline with {@code {"state":"user-down"}}, and puts it back with
 * {@code {"session":"user-enabled"}} (and {@code "state":"user-up"} when it was forced offline); reads connections
 * from the member's statistics ({@code GET .../members/~Common~<member>/stats}, the nested
 * {@code entries.*.nestedStats.entries["serverside.curConns"].value}).
 *
 * <p>The drain's mark: the member's {@code description} becomes {@value #MARK} followed by what it was, so that a
 * separate {@code enable} knows which members drain took out and puts the description back exactly. On the HL7
 * pool (priority groups, {@code minActiveMembers 1}) a disabled member leaves its priority group without an
 * available member, so the next group (the other server) takes the traffic.
 */
final class F5Members implements MemberDevice {

    /** What a drained member's description starts with. */
    static final String MARK = "hakit-drained:";
    private static final String POOLS = "/mgmt/tm/ltm/pool";
    private final IControlClient client;
    /** descriptions as {@link #read} found them, by member path, so a change needs no GET of its own */
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    F5Members(IControlClient client) {
        this.client = client;
    }

    @Override
    public String vendor() {
        return "f5";
    }

    @Override
    public List<DeviceMember> read(Deployment deployment) {
        Map<String, Farm> pools = new LinkedHashMap<>();
        for (Vip vip : deployment.vips()) {
            deployment.farms().stream().filter(f -> f.service().equals(vip.service())).findFirst()
                    .ifPresent(f -> pools.put(F5Renderer.poolName(vip), f));
        }
        JsonNode all = client.get(POOLS + "?expandSubcollections=true");
        List<DeviceMember> out = new ArrayList<>();
        for (JsonNode pool : all.path("items")) {
            Farm farm = pools.get(pool.path("name").asText());
            if (farm == null || !pool.path("partition").asText(F5Names.COMMON).equals(F5Names.COMMON)) {
                continue;
            }
            for (JsonNode m : pool.path("membersReference").path("items")) {
                String name = m.path("name").asText();
                int colon = name.lastIndexOf(':');
                if (colon < 0) {
                    continue;
                }
                String server = name.substring(0, colon);
                int port = Integer.parseInt(name.substring(colon + 1));
                String session = m.path("session").asText("user-enabled");
                String state = m.path("state").asText("unchecked");
                DeviceMember.State s = state.equals("user-down") ? DeviceMember.State.OFFLINE
                        : session.equals("user-disabled") ? DeviceMember.State.DISABLED : DeviceMember.State.ENABLED;
                boolean available = !state.equals("down") && !state.equals("user-down");
                String description = m.path("description").asText("");
                boolean marked = description.startsWith(MARK);
                DeviceMember dm = new DeviceMember(farm.service(), pool.path("name").asText(), server, port,
                        farm.mode() == ServiceMode.FAILOVER, s, available, marked && s != DeviceMember.State.ENABLED,
                        0);
                descriptions.put(memberPath(dm), description);
                out.add(dm);
            }
        }
        return out;
    }

    @Override
    public void disable(DeviceMember member, DrainOptions options) {
        String path = memberPath(member);
        String description = description(path);
        ObjectNode body = IControlClient.JSON.createObjectNode().put("session", "user-disabled")
                .put("description", MARK + description);
        client.patch(path, body);
    }

    @Override
    public void offline(DeviceMember member) {
        client.patch(memberPath(member), IControlClient.JSON.createObjectNode().put("state", "user-down"));
    }

    @Override
    public void enable(DeviceMember member) {
        String path = memberPath(member);
        String description = description(path);
        ObjectNode body = IControlClient.JSON.createObjectNode().put("session", "user-enabled");
        if (member.state() == DeviceMember.State.OFFLINE) {
            body.put("state", "user-up");
        }
        body.put("description", description.startsWith(MARK) ? description.substring(MARK.length()) : description);
        client.patch(path, body);
    }

    @Override
    public List<Long> connections(List<DeviceMember> members) {
        List<Long> out = new ArrayList<>();
        for (DeviceMember m : members) {
            out.add(currentConnections(client.get(memberPath(m) + "/stats")));
        }
        return out;
    }

    /**
     * @param stats a pool member's {@code /stats} body
     * @return its {@code serverside.curConns}, summed over its entries
     */
    static long currentConnections(JsonNode stats) {
        long n = 0;
        Iterator<JsonNode> entries = stats.path("entries").elements();
        while (entries.hasNext()) {
            n += entries.next().path("nestedStats").path("entries").path("serverside.curConns").path("value")
                    .asLong(0);
        }
        return n;
    }

    /**
     * @param pools the pools as read (with their members)
     * @return an {@code OPS-001} warning per member out of service ({@code session: user-disabled} or
     *     {@code state: user-down}): operational state, never drift
     */
    static List<Finding> operational(List<F5Object> pools) {
        List<Finding> out = new ArrayList<>();
        for (F5Object pool : pools) {
            Object members = pool.attribute("members").orElse(List.of());
            if (!(members instanceof List<?> list)) {
                continue;
            }
            for (Object o : list) {
                if (!(o instanceof Map<?, ?> m)) {
                    continue;
                }
                String session = String.valueOf(m.get("session"));
                String state = String.valueOf(m.get("state"));
                if (state.equals("user-down") || session.equals("user-disabled")) {
                    out.add(OperationalState.warning(pool.fullPath(), String.valueOf(m.get("name")),
                            state.equals("user-down") ? "user-down" : "user-disabled"));
                }
            }
        }
        return out;
    }

    @Override
    public int requests() {
        return client.requestCount();
    }

    private String description(String path) {
        String known = descriptions.get(path);
        return known != null ? known : client.get(path).path("description").asText("");
    }

    private static String memberPath(DeviceMember m) {
        return F5Names.itemPath(POOLS, F5Names.COMMON, m.group()) + "/members/~" + F5Names.COMMON + "~"
                + F5Names.encodeSegment(F5Names.addressPort(m.server(), m.port()));
    }
}
