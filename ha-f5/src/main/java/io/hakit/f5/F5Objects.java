package io.hakit.f5;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Typed builders for the BIG-IP objects hakit manages, each ending in {@link F5Object}:
 * <pre>{@code
 * F5Object pool = F5Objects.pool("ps-hl7-2244")
 *         .monitor("/Common/tcp").minActiveMembers(1)
 *         .member("app1.hospital.org:2244", 10).member("app2.hospital.org:2244", 5)
 *         .description("hakit:example-hospital").build();
 * }</pre>
 * Integer zero is a value and is always sent (a {@code priorityGroup} of 0 is written, not left out).
 */
public final class F5Objects {

    private F5Objects() {
    }

    /**
     * @param name the node's name (hakit uses the FQDN)
     * @return a node builder
     */
    public static NodeBuilder node(String name) {
        return new NodeBuilder(name);
    }

    /**
     * @param name the pool's name
     * @return a pool builder
     */
    public static PoolBuilder pool(String name) {
        return new PoolBuilder(name);
    }

    /**
     * @param name the virtual server's name
     * @return a virtual server builder
     */
    public static VirtualBuilder virtual(String name) {
        return new VirtualBuilder(name);
    }

    /**
     * @param name the monitor's name
     * @return an {@code https} monitor builder (parent {@code /Common/https})
     */
    public static MonitorBuilder monitorHttps(String name) {
        return new MonitorBuilder(F5Type.MONITOR_HTTPS, name).defaultsFrom("/Common/https");
    }

    /**
     * @param name the monitor's name
     * @return an {@code http} monitor builder (parent {@code /Common/http})
     */
    public static MonitorBuilder monitorHttp(String name) {
        return new MonitorBuilder(F5Type.MONITOR_HTTP, name).defaultsFrom("/Common/http");
    }

    /**
     * @param name the profile's name
     * @return a TCP profile builder (parent {@code /Common/tcp})
     */
    public static TcpProfileBuilder tcpProfile(String name) {
        return new TcpProfileBuilder(name);
    }

    /**
     * @param name the profile's name
     * @return a client-ssl profile builder (parent {@code /Common/clientssl})
     */
    public static ClientSslBuilder clientSsl(String name) {
        return new ClientSslBuilder(name);
    }

    /**
     * @param name the profile's name
     * @return a server-ssl profile builder (parent {@code /Common/serverssl})
     */
    public static ServerSslBuilder serverSsl(String name) {
        return new ServerSslBuilder(name);
    }

    /**
     * @param name the profile's name
     * @return a source-address persistence builder (parent {@code /Common/source_addr})
     */
    public static PersistenceBuilder sourceAddrPersistence(String name) {
        return new PersistenceBuilder(name);
    }

    /**
     * @param name the certificate's name, e.g. {@code ps-lb.crt}
     * @param sourcePath where the uploaded file is, e.g. {@code file:///var/config/rest/downloads/ps-lb.crt}
     * @return an ssl-cert install
     */
    public static F5Object sslCert(String name, String sourcePath) {
        return F5Object.builder(F5Type.SSL_CERT, name).attribute("sourcePath", sourcePath).build();
    }

    /**
     * @param name the key's name, e.g. {@code ps-lb.key}
     * @param sourcePath where the uploaded file is
     * @return an ssl-key install
     */
    public static F5Object sslKey(String name, String sourcePath) {
        return F5Object.builder(F5Type.SSL_KEY, name).attribute("sourcePath", sourcePath).build();
    }

    /**
     * @param name the GTM server's name
     * @return a GTM server builder
     */
    public static GtmServerBuilder gtmServer(String name) {
        return new GtmServerBuilder(name);
    }

    /**
     * @param name the GTM pool's name
     * @return a GTM {@code pool a} builder
     */
    public static GtmPoolBuilder gtmPoolA(String name) {
        return new GtmPoolBuilder(name);
    }

    /**
     * @param name the wide IP, an FQDN
     * @return a GTM {@code wideip a} builder
     */
    public static WideIpBuilder wideIpA(String name) {
        return new WideIpBuilder(name);
    }

    /**
     * What every typed builder shares.
     *
     * @param <B> the builder's own type
     */
    public abstract static class Base<B extends Base<B>> {
        /** The untyped builder underneath. */
        protected final F5Object.Builder b;

        Base(F5Type type, String name) {
            this.b = F5Object.builder(type, name);
        }

        @SuppressWarnings("unchecked")
        B self() {
            return (B) this;
        }

        /**
         * @param partition the partition; default {@code Common}
         * @return this builder
         */
        public B partition(String partition) {
            b.partition(partition);
            return self();
        }

        /**
         * @param description the description (hakit writes its ownership marker here)
         * @return this builder
         */
        public B description(String description) {
            b.description(description);
            return self();
        }

        /**
         * Sets any other REST attribute.
         *
         * @param attribute the camelCase name
         * @param value the value; null removes it
         * @return this builder
         */
        public B attribute(String attribute, Object value) {
            b.attribute(attribute, value);
            return self();
        }

        /** @return the object */
        public F5Object build() {
            return b.build();
        }
    }

    /** Builds an {@code ltm node}. */
    public static final class NodeBuilder extends Base<NodeBuilder> {
        NodeBuilder(String name) {
            super(F5Type.NODE, name);
        }

        /**
         * @param fqdn the server's FQDN (an FQDN node, F5-001)
         * @return this builder
         */
        public NodeBuilder fqdn(String fqdn) {
            Objects.requireNonNull(fqdn, "fqdn");
            return attribute("fqdn", Map.of("tmName", fqdn));
        }

        /**
         * @param address the server's address (a static node)
         * @return this builder
         */
        public NodeBuilder address(String address) {
            return attribute("address", Objects.requireNonNull(address, "address"));
        }
    }

    /** Builds an {@code ltm pool} with its members inline (so it fits in a transaction). */
    public static final class PoolBuilder extends Base<PoolBuilder> {
        private final List<Map<String, Object>> members = new ArrayList<>();

        PoolBuilder(String name) {
            super(F5Type.POOL, name);
        }

        /**
         * @param monitor the monitor expression, e.g. {@code /Common/ps-web-https} or {@code /Common/tcp}
         * @return this builder
         */
        public PoolBuilder monitor(String monitor) {
            return attribute("monitor", Objects.requireNonNull(monitor, "monitor"));
        }

        /**
         * @param mode e.g. {@code round-robin}, {@code least-connections-member}
         * @return this builder
         */
        public PoolBuilder loadBalancingMode(String mode) {
            return attribute("loadBalancingMode", Objects.requireNonNull(mode, "mode"));
        }

        /**
         * Priority group activation: 0 disables it; 1 sends all traffic to the highest priority group while it
         * has an available member (HL7 active/standby).
         *
         * @param minActiveMembers 0 to 65535
         * @return this builder
         */
        public PoolBuilder minActiveMembers(int minActiveMembers) {
            if (minActiveMembers < 0 || minActiveMembers > 65535) {
                throw new IllegalArgumentException("minActiveMembers must be 0..65535, not " + minActiveMembers);
            }
            return attribute("minActiveMembers", minActiveMembers);
        }

        /**
         * @param name the member's name, {@code <node>:<port>} ({@code <ipv6>.<port>} for IPv6)
         * @param priorityGroup 0 to 65535; higher takes traffic first; 0 is written, not left out
         * @return this builder
         */
        public PoolBuilder member(String name, int priorityGroup) {
            Objects.requireNonNull(name, "name");
            if (priorityGroup < 0 || priorityGroup > 65535) {
                throw new IllegalArgumentException("priorityGroup must be 0..65535, not " + priorityGroup);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("partition", F5Names.COMMON);
            m.put("priorityGroup", priorityGroup);
            members.add(m);
            return attribute("members", members);
        }
    }

    /** Builds an {@code ltm virtual}. */
    public static final class VirtualBuilder extends Base<VirtualBuilder> {
        private final List<Map<String, Object>> profiles = new ArrayList<>();

        VirtualBuilder(String name) {
            super(F5Type.VIRTUAL, name);
            attribute("ipProtocol", "tcp");
            attribute("mask", "255.255.255.255");
        }

        /**
         * @param address the virtual address (IPv4, IPv6, optionally {@code %rd})
         * @param port the port
         * @return this builder
         */
        public VirtualBuilder destination(String address, int port) {
            return attribute("destination", F5Names.destination(F5Names.COMMON, address, port));
        }

        /**
         * @param pool the default pool
         * @return this builder
         */
        public VirtualBuilder pool(String pool) {
            return attribute("pool", F5Names.qualify(pool));
        }

        /**
         * @param profile a profile's name
         * @param context {@code all}, {@code clientside} (client-ssl) or {@code serverside} (server-ssl)
         * @return this builder
         */
        public VirtualBuilder profile(String profile, String context) {
            Objects.requireNonNull(profile, "profile");
            if (!List.of("all", "clientside", "serverside").contains(context)) {
                throw new IllegalArgumentException("context must be all, clientside or serverside, not " + context);
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", F5Names.qualify(profile));
            p.put("context", context);
            profiles.add(p);
            return attribute("profiles", profiles);
        }

        /**
         * @param persistence the default persistence profile (a list of one, as BIG-IP keeps it)
         * @return this builder
         */
        public VirtualBuilder persist(String persistence) {
            return attribute("persist", List.of(Map.of("name", F5Names.qualify(persistence))));
        }

        /**
         * @param type {@code automap}, {@code none} or {@code snat}
         * @return this builder
         */
        public VirtualBuilder sourceAddressTranslation(String type) {
            return attribute("sourceAddressTranslation", Map.of("type", Objects.requireNonNull(type, "type")));
        }
    }

    /** Builds an {@code ltm monitor https} / {@code http}. */
    public static final class MonitorBuilder extends Base<MonitorBuilder> {
        MonitorBuilder(F5Type type, String name) {
            super(type, name);
        }

        /**
         * @param parent the parent monitor
         * @return this builder
         */
        public MonitorBuilder defaultsFrom(String parent) {
            return attribute("defaultsFrom", F5Names.qualify(parent));
        }

        /**
         * @param send the raw request
         * @return this builder
         */
        public MonitorBuilder send(String send) {
            return attribute("send", Objects.requireNonNull(send, "send"));
        }

        /**
         * @param recv the regular expression a good response matches
         * @return this builder
         */
        public MonitorBuilder recv(String recv) {
            return attribute("recv", Objects.requireNonNull(recv, "recv"));
        }

        /**
         * @param interval the probe interval, whole seconds
         * @return this builder
         */
        public MonitorBuilder interval(Duration interval) {
            return attribute("interval", seconds(interval, "interval"));
        }

        /**
         * @param timeout the window for a good response; F5 recommends 3 × interval + 1
         * @return this builder
         */
        public MonitorBuilder timeout(Duration timeout) {
            return attribute("timeout", seconds(timeout, "timeout"));
        }
    }

    /** Builds an {@code ltm profile tcp}. */
    public static final class TcpProfileBuilder extends Base<TcpProfileBuilder> {
        TcpProfileBuilder(String name) {
            super(F5Type.PROFILE_TCP, name);
            attribute("defaultsFrom", "/Common/tcp");
        }

        /**
         * @param idleTimeout the idle time-out, whole seconds (the guide needs at least 1860 s, F5-003)
         * @return this builder
         */
        public TcpProfileBuilder idleTimeout(Duration idleTimeout) {
            return attribute("idleTimeout", seconds(idleTimeout, "idleTimeout"));
        }
    }

    /** Builds an {@code ltm profile client-ssl}. */
    public static final class ClientSslBuilder extends Base<ClientSslBuilder> {
        ClientSslBuilder(String name) {
            super(F5Type.PROFILE_CLIENT_SSL, name);
            attribute("defaultsFrom", "/Common/clientssl");
        }

        /**
         * @param cert the certificate ({@code sys file ssl-cert})
         * @param key its key ({@code sys file ssl-key})
         * @return this builder
         */
        public ClientSslBuilder certKeyChain(String cert, String key) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", "default");
            c.put("cert", F5Names.qualify(cert));
            c.put("key", F5Names.qualify(key));
            return attribute("certKeyChain", List.of(c));
        }
    }

    /** Builds an {@code ltm profile server-ssl}. */
    public static final class ServerSslBuilder extends Base<ServerSslBuilder> {
        ServerSslBuilder(String name) {
            super(F5Type.PROFILE_SERVER_SSL, name);
            attribute("defaultsFrom", "/Common/serverssl");
        }

        /**
         * Verifies the application servers against a CA installed on the device (TLS-004).
         *
         * @param caFile the CA certificate ({@code sys file ssl-cert})
         * @return this builder
         */
        public ServerSslBuilder verifyWith(String caFile) {
            attribute("caFile", F5Names.qualify(caFile));
            return attribute("peerCertMode", "require");
        }
    }

    /** Builds an {@code ltm persistence source-addr}. */
    public static final class PersistenceBuilder extends Base<PersistenceBuilder> {
        PersistenceBuilder(String name) {
            super(F5Type.PERSISTENCE_SOURCE_ADDR, name);
            attribute("defaultsFrom", "/Common/source_addr");
        }

        /**
         * @param timeout how long a client stays on its server, whole seconds (sent as a string, as BIG-IP keeps it)
         * @return this builder
         */
        public PersistenceBuilder timeout(Duration timeout) {
            return attribute("timeout", String.valueOf(seconds(timeout, "timeout")));
        }
    }

    /** Builds a {@code gtm server}. */
    public static final class GtmServerBuilder extends Base<GtmServerBuilder> {
        private final List<Map<String, Object>> addresses = new ArrayList<>();

        GtmServerBuilder(String name) {
            super(F5Type.GTM_SERVER, name);
            attribute("product", "bigip");
        }

        /**
         * @param datacenter the data center it is in (must exist)
         * @return this builder
         */
        public GtmServerBuilder datacenter(String datacenter) {
            return attribute("datacenter", F5Names.qualify(datacenter));
        }

        /**
         * @param address a self IP of the BIG-IP
         * @param deviceName the device's name
         * @return this builder
         */
        public GtmServerBuilder address(String address, String deviceName) {
            addresses.add(Map.of("name", address, "deviceName", deviceName));
            return attribute("addresses", addresses);
        }
    }

    /** Builds a {@code gtm pool a}. */
    public static final class GtmPoolBuilder extends Base<GtmPoolBuilder> {
        private final List<Map<String, Object>> members = new ArrayList<>();

        GtmPoolBuilder(String name) {
            super(F5Type.GTM_POOL_A, name);
        }

        /**
         * @param server the GTM server
         * @param virtualServer the virtual server on it
         * @param order the member order (0 first)
         * @return this builder
         */
        public GtmPoolBuilder member(String server, String virtualServer, int order) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", server + ":" + virtualServer);
            m.put("partition", F5Names.COMMON);
            m.put("memberOrder", order);
            members.add(m);
            return attribute("members", members);
        }

        /**
         * @param mode e.g. {@code global-availability}
         * @return this builder
         */
        public GtmPoolBuilder loadBalancingMode(String mode) {
            return attribute("loadBalancingMode", mode);
        }
    }

    /** Builds a {@code gtm wideip a}. */
    public static final class WideIpBuilder extends Base<WideIpBuilder> {
        private final List<Map<String, Object>> pools = new ArrayList<>();

        WideIpBuilder(String name) {
            super(F5Type.GTM_WIDEIP_A, name);
        }

        /**
         * @param pool a GTM pool
         * @param order its order (0 first)
         * @return this builder
         */
        public WideIpBuilder pool(String pool, int order) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", pool);
            p.put("partition", F5Names.COMMON);
            p.put("order", order);
            pools.add(p);
            return attribute("pools", pools);
        }

        /**
         * @param mode e.g. {@code round-robin}, {@code global-availability}
         * @return this builder
         */
        public WideIpBuilder poolLbMode(String mode) {
            return attribute("poolLbMode", mode);
        }
    }

    static long seconds(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(what + " must be whole, non-negative seconds, not " + d);
        }
        return d.getSeconds();
    }
}
