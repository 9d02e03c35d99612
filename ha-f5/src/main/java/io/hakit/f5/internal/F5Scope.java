package io.hakit.f5.internal;

import io.hakit.f5.F5Names;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Type;
import io.hakit.model.Deployment;
import io.hakit.model.ServiceType;
import io.hakit.model.plan.Ownership;
import io.hakit.model.validate.AuditReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which objects of a BIG-IP an audit judges (DESIGN.md, "Scope on a shared device"). With a topology: the
 * objects carrying its {@code hakit:<deployment>} marker in {@code description}, those hakit renders for it (by
 * full path: certificate files and GTM pools have no description), the virtual servers on its VIP addresses and
 * the nodes with its servers' FQDNs. Without one: the PatientSecure deployments found, i.e. the virtual servers on
 * the catalog's distinctive ports ({@link ServiceType#distinctivePorts()}), every virtual server on the same
 * addresses, and any object a hakit deployment marked. Either way, then everything those reference, transitively:
 * pools, their members' nodes and monitors, profiles (and the profiles they derive from), persistence,
 * certificates; GTM wide IPs' pools and those pools' servers; and the virtual servers whose pool is in scope.
 * Everything else is another application's: listed, never judged. What a BIG-IP ships in {@code /Common}
 * ({@code tcp}, {@code clientssl}, {@code source_addr}, {@code default.crt}, ...) is neither unless referenced.
 * With {@code --all}, everything. Immutable.
 *
 * @param scope the scope used
 * @param objects {@code <type key> <full path>} of the objects in scope, e.g. {@code ltm/pool /Common/web}
 * @param outOfScope the objects left alone, e.g. {@code ltm/virtual /Common/mysql_vs}, by type in the order read
 */
public record F5Scope(AuditReport.Scope scope, Set<String> objects, List<String> outOfScope) {

    /** The objects a BIG-IP ships in {@code /Common}, by the types hakit reads. */
    private static final Map<F5Type, Set<String>> BUILT_IN = Map.of(
            F5Type.MONITOR_HTTP, Set.of("http", "http_head_f5"),
            F5Type.MONITOR_HTTPS, Set.of("https", "https_443", "https_head_f5"),
            F5Type.PROFILE_TCP, Set.of("tcp", "tcp-legacy", "tcp-lan-optimized", "tcp-wan-optimized",
                    "tcp-mobile-optimized", "f5-tcp-lan", "f5-tcp-mobile", "f5-tcp-progressive", "f5-tcp-wan",
                    "mptcp-mobile-optimized", "splitsession-default-tcp", "apm-forwarding-client-tcp",
                    "apm-forwarding-server-tcp", "wam-tcp-lan-optimized", "wam-tcp-wan-optimized",
                    "wom-tcp-lan-optimized", "wom-tcp-wan-optimized"),
            F5Type.PERSISTENCE_SOURCE_ADDR, Set.of("source_addr"),
            F5Type.SSL_CERT, Set.of("default.crt", "ca-bundle.crt", "f5-ca-bundle.crt", "f5-irule.crt"),
            F5Type.PROFILE_CLIENT_SSL, Set.of("clientssl", "clientssl-insecure-compatible", "clientssl-secure",
                    "crypto-server-default-clientssl", "splitsession-default-clientssl", "wom-default-clientssl"),
            F5Type.PROFILE_SERVER_SSL, Set.of("serverssl", "serverssl-insecure-compatible", "apm-default-serverssl",
                    "crypto-client-default-serverssl", "pcoip-default-serverssl", "splitsession-default-serverssl",
                    "wom-default-serverssl"));

    /** The types a virtual server's {@code profiles} may name. */
    private static final List<F5Type> PROFILES = List.of(F5Type.PROFILE_TCP, F5Type.PROFILE_CLIENT_SSL,
            F5Type.PROFILE_SERVER_SSL);

    /** The types that derive from a parent of their own type ({@code defaultsFrom}). */
    private static final List<F5Type> DERIVED = List.of(F5Type.MONITOR_HTTP, F5Type.MONITOR_HTTPS, F5Type.PROFILE_TCP,
            F5Type.PROFILE_CLIENT_SSL, F5Type.PROFILE_SERVER_SSL, F5Type.PERSISTENCE_SOURCE_ADDR);

    /**
     * @throws NullPointerException naming a null argument
     */
    public F5Scope {
        Objects.requireNonNull(scope, "scope");
        objects = Set.copyOf(objects);
        outOfScope = List.copyOf(outOfScope);
    }

    /**
     * @param state what the BIG-IP has
     * @param deployment the topology's deployment, if given
     * @param rendered what hakit renders for it (empty without a topology)
     * @param all whether every object is judged
     * @return the scope
     */
    public static F5Scope of(DeviceState state, Optional<Deployment> deployment, List<F5Object> rendered,
            boolean all) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(rendered, "rendered");
        Set<String> in = new HashSet<>();
        AuditReport.Scope scope;
        if (all) {
            scope = AuditReport.Scope.ALL;
            for (F5Type t : F5Type.values()) {
                state.all(t).forEach(o -> in.add(id(o)));
            }
        } else if (deployment.isPresent()) {
            scope = AuditReport.Scope.DEPLOYMENT;
            seedDeployment(state, deployment.get(), rendered, in);
        } else {
            scope = AuditReport.Scope.FOUND;
            seedFound(state, in);
        }
        close(state, in);
        List<String> out = new ArrayList<>();
        for (F5Type t : F5Type.values()) {
            for (F5Object o : state.all(t)) {
                if (!in.contains(id(o)) && !builtIn(o)) {
                    out.add(id(o));
                }
            }
        }
        return new F5Scope(scope, in, out);
    }

    /** The deployment's objects: its marker, the full paths hakit renders, its VIP addresses, its servers' nodes. */
    private static void seedDeployment(DeviceState state, Deployment d, List<F5Object> rendered, Set<String> in) {
        Ownership own = Ownership.of(d);
        Set<String> vips = new HashSet<>();
        for (F5Object o : rendered) {
            in.add(id(o));
            if (o.type() == F5Type.VIRTUAL) {
                o.attribute("destination").ifPresent(dest -> vips.add(F5Names.addressOf(dest.toString())));
            }
        }
        Set<String> servers = new HashSet<>();
        d.servers().forEach(s -> servers.add(s.fqdn().toLowerCase(Locale.ROOT)));
        for (F5Type t : F5Type.values()) {
            for (F5Object o : state.all(t)) {
                if (t.described() && own.owns(o.description().orElse(null))) {
                    in.add(id(o));
                }
            }
        }
        for (F5Object v : state.all(F5Type.VIRTUAL)) {
            if (vips.contains(F5Names.addressOf(destination(v)))) {
                in.add(id(v));
            }
        }
        for (F5Object n : state.all(F5Type.NODE)) {
            if (servers.contains(n.name().toLowerCase(Locale.ROOT)) || servers.contains(fqdn(n))) {
                in.add(id(n));
            }
        }
    }

    /** The PatientSecure virtual servers found: on a distinctive port, or on the same address as one; hakit's. */
    private static void seedFound(DeviceState state, Set<String> in) {
        Set<Integer> ports = ServiceType.distinctivePorts();
        Set<String> vips = new HashSet<>();
        for (F5Object v : state.all(F5Type.VIRTUAL)) {
            if (ports.contains(F5Names.portOf(destination(v)))) {
                in.add(id(v));
                vips.add(F5Names.addressOf(destination(v)));
            }
        }
        for (F5Object v : state.all(F5Type.VIRTUAL)) {
            if (vips.contains(F5Names.addressOf(destination(v)))) {
                in.add(id(v));
            }
        }
        for (F5Type t : F5Type.values()) {
            for (F5Object o : state.all(t)) {
                if (t.described() && Ownership.isHakit(o.description().orElse(null))) {
                    in.add(id(o));
                }
            }
        }
    }

    /** Adds what the objects in scope reference (and the virtual servers of their pools) until nothing changes. */
    private static void close(DeviceState state, Set<String> in) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (F5Object v : state.all(F5Type.VIRTUAL)) {
                Optional<String> pool = v.attribute("pool").map(p -> F5Names.qualify(p.toString()));
                if (in.contains(id(v))) {
                    List<String> refs = new ArrayList<>();
                    pool.ifPresent(p -> refs.add(id(F5Type.POOL, p)));
                    for (String p : Auditor.listNames(v.attributes().get("profiles"))) {
                        PROFILES.forEach(t -> refs.add(id(t, p)));
                    }
                    List<Object> persist = new ArrayList<>(Auditor.listNames(v.attributes().get("persist")));
                    v.attribute("fallbackPersistence").ifPresent(persist::add);
                    persist.forEach(p -> refs.add(id(F5Type.PERSISTENCE_SOURCE_ADDR, F5Names.qualify(p.toString()))));
                    grew |= addPresent(state, refs, in);
                } else if (pool.isPresent() && in.contains(id(F5Type.POOL, pool.get()))) {
                    grew |= in.add(id(v));
                }
            }
            for (F5Object pool : inScope(state, F5Type.POOL, in)) {
                List<String> refs = new ArrayList<>();
                for (Map<String, Object> m : Auditor.members(pool)) {
                    refs.add(id(F5Type.NODE, Auditor.nodeOf(String.valueOf(m.get("name")),
                            String.valueOf(m.getOrDefault("partition", F5Names.COMMON)))));
                }
                for (String monitor : monitors(pool.attribute("monitor").map(Object::toString).orElse(""))) {
                    refs.add(id(F5Type.MONITOR_HTTP, monitor));
                    refs.add(id(F5Type.MONITOR_HTTPS, monitor));
                }
                grew |= addPresent(state, refs, in);
            }
            for (F5Type t : DERIVED) {
                for (F5Object o : inScope(state, t, in)) {
                    List<String> refs = new ArrayList<>();
                    o.attribute("defaultsFrom").map(Object::toString).filter(p -> !p.equals("none"))
                            .ifPresent(p -> refs.add(id(t, F5Names.qualify(p))));
                    if (t == F5Type.PROFILE_CLIENT_SSL || t == F5Type.PROFILE_SERVER_SSL) {
                        certificates(o).forEach(c -> refs.add(id(F5Type.SSL_CERT, c)));
                    }
                    grew |= addPresent(state, refs, in);
                }
            }
            grew |= closeGtm(state, in);
        }
    }

    /** A wide IP's pools, and a GTM pool's servers (members are {@code server:virtual}). */
    private static boolean closeGtm(DeviceState state, Set<String> in) {
        List<String> refs = new ArrayList<>();
        for (F5Object w : inScope(state, F5Type.GTM_WIDEIP_A, in)) {
            for (String p : Auditor.listNames(w.attributes().get("pools"))) {
                refs.add(id(F5Type.GTM_POOL_A, p));
            }
        }
        for (F5Object p : inScope(state, F5Type.GTM_POOL_A, in)) {
            for (Map<String, Object> m : Auditor.members(p)) {
                String name = String.valueOf(m.get("name"));
                String server = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
                refs.add(id(F5Type.GTM_SERVER, F5Names.qualify(server.startsWith("/") ? server
                        : "/" + m.getOrDefault("partition", F5Names.COMMON) + "/" + server)));
            }
        }
        return addPresent(state, refs, in);
    }

    /**
     * @param state what the BIG-IP has
     * @return the same, reduced to the objects in scope
     */
    public DeviceState filter(DeviceState state) {
        return state.filter(o -> objects.contains(id(o)));
    }

    /**
     * @param type a type
     * @param fullPath a full path
     * @return whether the object is judged
     */
    public boolean has(F5Type type, String fullPath) {
        return objects.contains(id(type, fullPath));
    }

    private static boolean addPresent(DeviceState state, List<String> refs, Set<String> in) {
        boolean grew = false;
        for (String r : refs) {
            int sp = r.indexOf(' ');
            F5Type t = F5Type.fromKey(r.substring(0, sp)).orElseThrow();
            if (state.find(t, r.substring(sp + 1)).isPresent()) {
                grew |= in.add(r);
            }
        }
        return grew;
    }

    private static List<F5Object> inScope(DeviceState state, F5Type type, Set<String> in) {
        return state.all(type).stream().filter(o -> in.contains(id(o))).toList();
    }

    /** @return the monitors a pool's {@code monitor} rule names, e.g. {@code /Common/a and /Common/b} */
    static List<String> monitors(String rule) {
        List<String> out = new ArrayList<>();
        for (String token : rule.split("[\\s{}]+")) {
            if (!token.isEmpty() && !token.equals("and") && !token.equals("min") && !token.equals("of")
                    && !token.chars().allMatch(Character::isDigit)) {
                out.add(F5Names.qualify(token));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> certificates(F5Object profile) {
        List<String> out = new ArrayList<>();
        Object chain = profile.attributes().get("certKeyChain");
        if (chain instanceof List) {
            for (Object link : (List<Object>) chain) {
                if (link instanceof Map) {
                    for (String k : List.of("cert", "chain")) {
                        Object c = ((Map<String, Object>) link).get(k);
                        if (c != null) {
                            out.add(F5Names.qualify(c.toString()));
                        }
                    }
                }
            }
        }
        for (String k : List.of("cert", "chain", "caFile")) {
            profile.attribute(k).map(Object::toString).filter(c -> !c.equals("none"))
                    .ifPresent(c -> out.add(F5Names.qualify(c)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String fqdn(F5Object node) {
        Object f = node.attributes().get("fqdn");
        Object name = f instanceof Map ? ((Map<String, Object>) f).get("tmName") : null;
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static String destination(F5Object v) {
        return String.valueOf(v.attributes().getOrDefault("destination", ""));
    }

    private static boolean builtIn(F5Object o) {
        return o.partition().equals(F5Names.COMMON) && BUILT_IN.getOrDefault(o.type(), Set.of()).contains(o.name());
    }

    private static String id(F5Object o) {
        return id(o.type(), o.fullPath());
    }

    private static String id(F5Type type, String fullPath) {
        return type.key() + " " + fullPath;
    }
}
