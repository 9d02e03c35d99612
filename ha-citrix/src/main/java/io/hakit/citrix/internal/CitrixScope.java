package io.hakit.citrix.internal;

import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.NitroObject;
import io.hakit.citrix.NitroResource;
import io.hakit.model.Deployment;
import io.hakit.model.ServiceType;
import io.hakit.model.plan.Ownership;
import io.hakit.model.validate.AuditReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which objects of an ADC an audit judges (DESIGN.md, "Scope on a shared device"). With a topology: the objects
 * carrying its {@code hakit:<deployment>} marker, those named as hakit names them, the virtual servers on its VIP
 * addresses and the servers with its FQDNs. Without one: the PatientSecure deployments found on the ADC, i.e. the
 * virtual servers on the catalog's distinctive ports ({@link ServiceType#distinctivePorts()}), every virtual
 * server on the same VIP addresses, and any object a hakit deployment marked. Either way, then everything those
 * reference, transitively: bound service groups, backup virtual servers, certificates (and the certificates
 * they link to), members' servers, monitors; and the virtual servers bound to a service group in scope.
 * Everything else is another application's: listed, never judged. Objects the ADC ships ({@code builtin}) are
 * neither. With {@code --all}, everything. Immutable.
 *
 * @param scope the scope used
 * @param objects {@code type|name} of the objects in scope (an {@code sslservicegroup} goes with its
 *     {@code servicegroup})
 * @param outOfScope the objects left alone, e.g. {@code lbvserver vs_mysql}, by type in the order read
 */
public record CitrixScope(AuditReport.Scope scope, Set<String> objects, List<String> outOfScope) {

    /** The object types scoped, in the order their out-of-scope objects are listed. */
    private static final List<NitroResource> TYPES = List.of(NitroResource.LBVSERVER, NitroResource.SERVICEGROUP,
            NitroResource.SERVER, NitroResource.LBMONITOR, NitroResource.SSLCERTKEY);

    /** For each binding type, the types of its parent and of what it binds. */
    private static final Map<NitroResource, List<NitroResource>> LINKS = Map.of(
            NitroResource.SERVICEGROUP_MEMBER_BINDING, List.of(NitroResource.SERVICEGROUP, NitroResource.SERVER),
            NitroResource.SERVICEGROUP_MONITOR_BINDING, List.of(NitroResource.SERVICEGROUP, NitroResource.LBMONITOR),
            NitroResource.SSLSERVICEGROUP_CERTKEY_BINDING, List.of(NitroResource.SERVICEGROUP, NitroResource.SSLCERTKEY),
            NitroResource.LBVSERVER_SERVICEGROUP_BINDING, List.of(NitroResource.LBVSERVER, NitroResource.SERVICEGROUP),
            NitroResource.SSLVSERVER_CERTKEY_BINDING, List.of(NitroResource.LBVSERVER, NitroResource.SSLCERTKEY));

    /**
     * @throws NullPointerException naming a null argument
     */
    public CitrixScope {
        Objects.requireNonNull(scope, "scope");
        objects = Set.copyOf(objects);
        outOfScope = List.copyOf(outOfScope);
    }

    /**
     * @param state what the ADC has
     * @param deployment the topology's deployment, if given
     * @param all whether every object is judged
     * @return the scope
     */
    public static CitrixScope of(DeviceState state, Optional<Deployment> deployment, boolean all) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deployment, "deployment");
        Set<String> in = new HashSet<>();
        AuditReport.Scope scope;
        if (all) {
            scope = AuditReport.Scope.ALL;
            TYPES.forEach(t -> state.all(t).forEach(o -> in.add(id(t, o.name()))));
        } else if (deployment.isPresent()) {
            scope = AuditReport.Scope.DEPLOYMENT;
            seedDeployment(state, deployment.get(), in);
        } else {
            scope = AuditReport.Scope.FOUND;
            seedFound(state, in);
        }
        close(state, in);
        List<String> out = new ArrayList<>();
        for (NitroResource t : TYPES) {
            for (NitroObject o : state.all(t)) {
                if (!in.contains(id(t, o.name())) && !builtin(o)) {
                    out.add(t.wireName() + " " + o.name());
                }
            }
        }
        return new CitrixScope(scope, in, out);
    }

    /** The deployment's objects: marked with its marker, named as hakit names them, on its VIPs, its servers. */
    private static void seedDeployment(DeviceState state, Deployment d, Set<String> in) {
        Ownership own = Ownership.of(d);
        Set<String> vips = new HashSet<>();
        Set<String> servers = new HashSet<>();
        for (NitroObject want : CitrixRenderer.render(d).objects()) {
            NitroResource r = want.resource().orElseThrow();
            if (r.isBinding()) {
                continue;
            }
            in.add(id(r == NitroResource.SSLSERVICEGROUP ? NitroResource.SERVICEGROUP : r, want.name()));
            if (r == NitroResource.LBVSERVER) {
                want.string("ipv46").ifPresent(vips::add);
            }
        }
        d.servers().forEach(s -> servers.add(s.fqdn().toLowerCase(Locale.ROOT)));
        for (NitroResource t : TYPES) {
            for (NitroObject o : state.all(t)) {
                if (t.hasComment() && own.owns(o.string("comment").orElse(null))) {
                    in.add(id(t, o.name()));
                }
            }
        }
        for (NitroObject v : state.all(NitroResource.LBVSERVER)) {
            if (vips.contains(v.string("ipv46").orElse(""))) {
                in.add(id(NitroResource.LBVSERVER, v.name()));
            }
        }
        for (NitroObject s : state.all(NitroResource.SERVER)) {
            if (servers.contains(s.name().toLowerCase(Locale.ROOT))
                    || servers.contains(s.string("domain").orElse("").toLowerCase(Locale.ROOT))) {
                in.add(id(NitroResource.SERVER, s.name()));
            }
        }
    }

    /** The PatientSecure virtual servers found: on a distinctive port, or on the same address as one; hakit's. */
    private static void seedFound(DeviceState state, Set<String> in) {
        Set<Integer> ports = ServiceType.distinctivePorts();
        Set<String> vips = new HashSet<>();
        for (NitroObject v : state.all(NitroResource.LBVSERVER)) {
            if (ports.contains(port(v))) {
                in.add(id(NitroResource.LBVSERVER, v.name()));
                v.string("ipv46").filter(CitrixScope::addressable).ifPresent(vips::add);
            }
        }
        for (NitroObject v : state.all(NitroResource.LBVSERVER)) {
            if (vips.contains(v.string("ipv46").orElse(""))) {
                in.add(id(NitroResource.LBVSERVER, v.name()));
            }
        }
        for (NitroResource t : TYPES) {
            for (NitroObject o : state.all(t)) {
                if (t.hasComment() && Ownership.isHakit(o.string("comment").orElse(null))) {
                    in.add(id(t, o.name()));
                }
            }
        }
    }

    /** Adds what the objects in scope reference (and the virtual servers of their groups) until nothing changes. */
    private static void close(DeviceState state, Set<String> in) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (NitroObject v : state.all(NitroResource.LBVSERVER)) {
                String backup = v.string("backupvserver").orElse("");
                if (in.contains(id(NitroResource.LBVSERVER, v.name())) && !backup.isEmpty()) {
                    grew |= in.add(id(NitroResource.LBVSERVER, backup));
                } else if (!backup.isEmpty() && in.contains(id(NitroResource.LBVSERVER, backup))) {
                    grew |= in.add(id(NitroResource.LBVSERVER, v.name()));
                }
            }
            for (NitroObject c : state.all(NitroResource.SSLCERTKEY)) {
                String link = c.string("linkcertkeyname").orElse("");
                if (!link.isEmpty() && in.contains(id(NitroResource.SSLCERTKEY, c.name()))) {
                    grew |= in.add(id(NitroResource.SSLCERTKEY, link));
                }
            }
            for (Map.Entry<NitroResource, List<NitroResource>> e : LINKS.entrySet()) {
                NitroResource parent = e.getValue().get(0);
                NitroResource child = e.getValue().get(1);
                for (NitroObject b : state.bindings(e.getKey())) {
                    String bound = child(e.getKey(), b);
                    if (in.contains(id(parent, b.name()))) {
                        grew |= in.add(id(child, bound));
                    } else if (e.getKey() == NitroResource.LBVSERVER_SERVICEGROUP_BINDING
                            && in.contains(id(child, bound))) {
                        grew |= in.add(id(parent, b.name()));
                    }
                }
            }
        }
    }

    /**
     * @param state what the ADC has
     * @return the same, reduced to the objects in scope and the bindings of their parents
     */
    public DeviceState filter(DeviceState state) {
        Map<String, Map<String, NitroObject>> objs = new LinkedHashMap<>();
        for (NitroResource t : DeviceState.OBJECT_TYPES) {
            NitroResource as = t == NitroResource.SSLSERVICEGROUP ? NitroResource.SERVICEGROUP : t;
            Map<String, NitroObject> byName = new LinkedHashMap<>();
            state.all(t).stream().filter(o -> has(as, o.name())).forEach(o -> byName.put(o.name(), o));
            objs.put(t.wireName(), byName);
        }
        List<NitroObject> bindings = new ArrayList<>();
        for (Map.Entry<NitroResource, List<NitroResource>> e : LINKS.entrySet()) {
            state.bindings(e.getKey()).stream().filter(b -> has(e.getValue().get(0), b.name())).forEach(bindings::add);
        }
        return new DeviceState(objs, bindings);
    }

    /**
     * @param type an object type ({@code servicegroup} for an {@code sslservicegroup})
     * @param name the object's name
     * @return whether it is judged
     */
    public boolean has(NitroResource type, String name) {
        return objects.contains(id(type, name));
    }

    private static String child(NitroResource binding, NitroObject b) {
        String child = b.string(binding.bindKey().orElseThrow()).orElse("");
        if (child.isEmpty() && binding == NitroResource.SERVICEGROUP_MEMBER_BINDING) {
            return b.string("ip").orElse("");
        }
        return child;
    }

    /** Objects the ADC ships (monitors such as {@code ping-default}, the default certificate) say so in {@code builtin}. */
    private static boolean builtin(NitroObject o) {
        Object b = o.attributes().get("builtin");
        return b instanceof List ? !((List<?>) b).isEmpty() : b != null && !b.toString().isBlank();
    }

    private static boolean addressable(String address) {
        return !address.isBlank() && !address.equals("0.0.0.0");
    }

    private static int port(NitroObject v) {
        try {
            return new java.math.BigDecimal(v.string("port").orElse("0").trim()).intValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String id(NitroResource type, String name) {
        return type.wireName() + "|" + name;
    }
}
