package io.hakit.citrix;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.PortMapping;
import io.hakit.model.ServiceMode;
import io.hakit.model.ops.DeviceMember;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.MemberDevice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Citrix ADC's service-group members as a {@link MemberDevice}. Reads every member binding in one request
 * ({@code GET /config/servicegroup_binding?bulkbindings=yes}); takes a member out with NITRO's graceful disable
 * ({@code POST /config/servicegroup?action=disable} with {@code servername}, {@code port}, {@code graceful YES} and
 * a {@code delay} of the drain's wait, after which the ADC closes what is left); puts it back with
 * {@code ?action=enable}; reads connections from {@code GET /stat/servicegroupmember?args=...}
 * ({@code cursrvrconnections}).
 *
 * <p>The drain's mark: a member binding keeps {@code graceful YES} while it is disabled gracefully, and only a
 * graceful disable sets it; enable puts back the DISABLED members with that flag. A member an operator disabled
 * the ordinary way (the GUI's Disable, {@code disable servicegroup sg server port}) stays disabled. The HL7 groups
 * are single-member groups behind a chain of backup virtual servers: disabling the active server's member takes
 * its virtual server down and the backup takes over.
 */
final class CitrixMembers implements MemberDevice {

    private static final String MEMBER = "servicegroup_servicegroupmember_binding";
    private final NitroClient client;

    CitrixMembers(NitroClient client) {
        this.client = client;
    }

    @Override
    public String vendor() {
        return "citrix";
    }

    /** @return the deployment's service groups: name → (service, failover) */
    static Map<String, Farm> groups(Deployment deployment) {
        Map<String, Farm> groups = new LinkedHashMap<>();
        for (Farm farm : deployment.farms()) {
            for (PortMapping p : farm.ports()) {
                String base = CitrixRenderer.groupName(farm.service() + "-" + p.lbPort());
                if (farm.mode() == ServiceMode.FAILOVER) {
                    for (int i = 0; i < farm.servers().size(); i++) {
                        groups.put(i == 0 ? base : base + "-standby" + i, farm);
                    }
                } else {
                    groups.put(base, farm);
                }
            }
        }
        return groups;
    }

    @Override
    public List<DeviceMember> read(Deployment deployment) {
        Map<String, Farm> groups = groups(deployment);
        List<DeviceMember> out = new ArrayList<>();
        for (NitroObject b : client.bindings("servicegroup")) {
            if (!b.type().equals(MEMBER)) {
                continue;
            }
            String group = b.string("servicegroupname").orElse("");
            Farm farm = groups.get(group);
            if (farm == null) {
                continue;
            }
            String state = b.string("state").orElse("ENABLED");
            boolean enabled = state.equalsIgnoreCase("ENABLED");
            boolean up = b.string("svrstate").map(s -> s.equalsIgnoreCase("UP")).orElse(enabled);
            boolean graceful = b.string("graceful").map(g -> g.equalsIgnoreCase("YES")).orElse(false);
            out.add(new DeviceMember(farm.service(), group, b.string("servername").orElse(""),
                    Integer.parseInt(b.string("port").orElse("0")), farm.mode() == ServiceMode.FAILOVER,
                    enabled ? DeviceMember.State.ENABLED : DeviceMember.State.DISABLED, enabled ? up : false,
                    !enabled && graceful, 0));
        }
        return out;
    }

    @Override
    public void disable(DeviceMember member, DrainOptions options) {
        Map<String, Object> a = key(member);
        a.put("graceful", "YES");
        a.put("delay", Math.max(1, options.waitFor().toSeconds()));
        client.action("servicegroup", "disable", a);
    }

    @Override
    public void enable(DeviceMember member) {
        client.action("servicegroup", "enable", key(member));
    }

    @Override
    public List<Long> connections(List<DeviceMember> members) {
        List<Long> out = new ArrayList<>();
        for (DeviceMember m : members) {
            long n = 0;
            for (NitroObject s : client.stat("servicegroupmember", key(m))) {
                n += s.string("cursrvrconnections").map(Long::parseLong).orElse(0L);
            }
            out.add(n);
        }
        return out;
    }

    @Override
    public int requests() {
        return client.requestCount();
    }

    private static Map<String, Object> key(DeviceMember m) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("servicegroupname", m.group());
        a.put("servername", m.server());
        a.put("port", m.port());
        return a;
    }
}
