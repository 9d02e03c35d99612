package io.hakit.examples.demo;

import io.hakit.citrix.NitroClient;
import io.hakit.citrix.NitroObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo load balancer's data plane, from what is really configured on the ADC: every HTTP or SSL virtual server
 * with the service group bound to it, read back through NITRO. The members in service are read from the ADC again
 * at every new client connection (only ENABLED members), so a drain on the ADC sends the data plane's new
 * connections to the other server.
 */
final class AdcDataPlane {

    private AdcDataPlane() {
    }

    /**
     * @param nitro a client of the ADC, used now and at every new connection (calls on it are serialised)
     * @return one listener per HTTP/SSL virtual server with members
     */
    static List<LoadBalancerStandIn.Listener> listeners(NitroClient nitro) {
        Map<String, String> domains = new LinkedHashMap<>();
        nitro.list("server").forEach(s -> domains.put(s.name(), s.string("domain").orElse(s.name())));
        Map<String, String> groupOf = new LinkedHashMap<>();
        for (NitroObject b : nitro.bindings("lbvserver")) {
            if (b.type().equals("lbvserver_servicegroup_binding")) {
                groupOf.put(b.name(), b.string("servicegroupname").orElseThrow());
            }
        }
        Map<String, List<NitroObject>> members = new LinkedHashMap<>();
        for (NitroObject b : nitro.bindings("servicegroup")) {
            if (b.type().equals("servicegroup_servicegroupmember_binding")
                    && !"DISABLED".equalsIgnoreCase(b.string("state").orElse("ENABLED"))) {
                members.computeIfAbsent(b.string("servicegroupname").orElseThrow(), k -> new ArrayList<>()).add(b);
            }
        }
        List<LoadBalancerStandIn.Listener> listeners = new ArrayList<>();
        for (NitroObject vs : nitro.list("lbvserver")) {
            String type = vs.string("servicetype").orElse("");
            List<NitroObject> group = members.getOrDefault(groupOf.get(vs.name()), List.of());
            if (!(type.equals("SSL") || type.equals("HTTP")) || group.isEmpty()) {
                continue;
            }
            String groupName = groupOf.get(vs.name());
            int memberPort = Integer.parseInt(group.get(0).string("port").orElseThrow());
            listeners.add(new LoadBalancerStandIn.Listener(Integer.parseInt(vs.string("port").orElseThrow()),
                    type.equals("SSL"), () -> inService(nitro, groupName, domains), memberPort));
        }
        return listeners;
    }

    /** The FQDNs of the group's ENABLED members, as the ADC has them now. */
    private static List<String> inService(NitroClient nitro, String group, Map<String, String> domains) {
        List<String> out = new ArrayList<>();
        synchronized (nitro) {
            for (NitroObject b : nitro.bindings("servicegroup")) {
                if (b.type().equals("servicegroup_servicegroupmember_binding")
                        && group.equals(b.string("servicegroupname").orElse(""))
                        && "ENABLED".equalsIgnoreCase(b.string("state").orElse("ENABLED"))) {
                    String server = b.string("servername").orElseThrow();
                    out.add(domains.getOrDefault(server, server));
                }
            }
        }
        return out;
    }
}
