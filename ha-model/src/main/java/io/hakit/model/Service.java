package io.hakit.model;

import io.hakit.model.cert.CertificateChain;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One service of a deployment: a catalog {@link ServiceType} with the topology's
 * overrides. Every value not overridden comes from the catalog. Immutable and thread-safe.
 *
 * <p>A service's name is its catalog key in topology files; programs that build
 * deployments may run several services of one type under different names.
 */
public final class Service {
    private final String name;
    private final ServiceType type;
    private final boolean enabled;
    private final List<Integer> ports;
    private final List<Integer> lbPorts;
    /** The lbPorts the builder was given, or null when they default to the ports. */
    private final List<Integer> lbPortsOverride;
    private final List<String> servers;
    private final String url;
    private final CertificateChain certificate;
    private final HealthTest healthTest;
    private final Affinity affinity;
    private final String farmName;

    private Service(Builder b) {
        this.type = Objects.requireNonNull(b.type, "type");
        this.name = b.name == null ? type.key() : b.name;
        this.enabled = b.enabled;
        this.ports = List.copyOf(b.ports == null ? type.defaultPorts() : b.ports);
        this.lbPorts = List.copyOf(b.lbPorts == null ? ports : b.lbPorts);
        this.lbPortsOverride = b.lbPorts == null ? null : lbPorts;
        checkPorts("ports", ports);
        checkPorts("lbPorts", lbPorts);
        this.servers = List.copyOf(b.servers);
        this.url = b.url;
        this.certificate = b.certificate;
        this.healthTest = b.healthTest == null ? type.healthTest().orElse(null) : b.healthTest;
        this.affinity = b.affinity;
        this.farmName = b.farmName == null ? type.farmName() : b.farmName;
    }

    private void checkPorts(String field, List<Integer> list) {
        if (list.isEmpty() || list.size() > 2) {
            throw new IllegalArgumentException("services." + name + "." + field + " must hold one or two ports, not "
                    + list.size());
        }
        for (int p : list) {
            Ports.check(p, "services." + name + "." + field);
        }
    }

    /**
     * @param type the catalog entry
     * @return a builder for a service of that type, with every catalog default
     */
    public static Builder builder(ServiceType type) {
        return new Builder(type);
    }

    /**
     * @param type the catalog entry
     * @return an enabled service with every catalog default
     */
    public static Service of(ServiceType type) {
        return builder(type).build();
    }

    /** @return a builder holding this service's values */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.name = name;
        b.enabled = enabled;
        b.ports = ports;
        b.lbPorts = lbPortsOverride;
        b.servers = servers;
        b.url = url;
        b.certificate = certificate;
        b.healthTest = healthTest;
        b.affinity = affinity;
        b.farmName = farmName;
        return b;
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes applied
     */
    public Service copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the service's name (its catalog key in topology files) */
    public String name() {
        return name;
    }

    /** @return the catalog entry */
    public ServiceType type() {
        return type;
    }

    /** @return whether the service is deployed */
    public boolean enabled() {
        return enabled;
    }

    /** @return the port(s) the service is installed on, on every application server */
    public List<Integer> ports() {
        return ports;
    }

    /** @return the load balancer's port(s) for the service (defaults to {@link #ports()}) */
    public List<Integer> lbPorts() {
        return lbPorts;
    }

    /** @return the FQDNs of the servers it is installed on; empty means every server */
    public List<String> servers() {
        return servers;
    }

    /** @return the product URL it is configured with, if the topology states it */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /** @return the certificate bound to its load-balancer port(s), if it differs from the load balancer's */
    public Optional<CertificateChain> certificate() {
        return Optional.ofNullable(certificate);
    }

    /** @return its health test: the catalog's, with the topology's overrides; absent for HL7 */
    public Optional<HealthTest> healthTest() {
        return Optional.ofNullable(healthTest);
    }

    /** @return the affinity the topology states, if any (otherwise the guide's default for the vendor applies) */
    public Optional<Affinity> affinity() {
        return Optional.ofNullable(affinity);
    }

    /** @return the farm / pool / service-group name on the load balancer */
    public String farmName() {
        return farmName;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Service)) {
            return false;
        }
        Service s = (Service) o;
        return name.equals(s.name) && type == s.type && enabled == s.enabled && ports.equals(s.ports)
                && lbPorts.equals(s.lbPorts) && servers.equals(s.servers) && Objects.equals(url, s.url)
                && Objects.equals(certificate, s.certificate) && Objects.equals(healthTest, s.healthTest)
                && Objects.equals(affinity, s.affinity) && farmName.equals(s.farmName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, enabled, ports, lbPorts, servers, url, healthTest, affinity, farmName);
    }

    @Override
    public String toString() {
        return "Service[" + name + " (" + type.key() + ") ports " + ports + (enabled ? "" : ", disabled") + "]";
    }

    /** Builds a {@link Service}. Not thread-safe. */
    public static final class Builder {
        private final ServiceType type;
        private String name;
        private boolean enabled = true;
        private List<Integer> ports;
        private List<Integer> lbPorts;
        private List<String> servers = List.of();
        private String url;
        private CertificateChain certificate;
        private HealthTest healthTest;
        private Affinity affinity;
        private String farmName;

        private Builder(ServiceType type) {
            this.type = Objects.requireNonNull(type, "type");
        }

        /**
         * @param name the service's name; defaults to the catalog key
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param enabled whether it is deployed; defaults to {@code true}
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @param ports the installed port(s); default the catalog's
         * @return this builder
         */
        public Builder ports(List<Integer> ports) {
            this.ports = List.copyOf(ports);
            return this;
        }

        /**
         * @param port the single installed port
         * @return this builder
         */
        public Builder port(int port) {
            return ports(List.of(port));
        }

        /**
         * @param lbPorts the load balancer's port(s); default the installed ports
         * @return this builder
         */
        public Builder lbPorts(List<Integer> lbPorts) {
            this.lbPorts = List.copyOf(lbPorts);
            return this;
        }

        /**
         * @param servers FQDNs of the servers it is installed on; default (empty) every server
         * @return this builder
         */
        public Builder servers(List<String> servers) {
            this.servers = List.copyOf(servers);
            return this;
        }

        /**
         * @param url the product URL it is configured with; default none stated
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * @param certificate the certificate bound to its load-balancer ports; default the load balancer's
         * @return this builder
         */
        public Builder certificate(CertificateChain certificate) {
            this.certificate = certificate;
            return this;
        }

        /**
         * @param healthTest its health test; default the catalog's (HC-002)
         * @return this builder
         */
        public Builder healthTest(HealthTest healthTest) {
            this.healthTest = healthTest;
            return this;
        }

        /**
         * @param affinity its affinity; default the guide's for the vendor (AFF-001, AFF-002)
         * @return this builder
         */
        public Builder affinity(Affinity affinity) {
            this.affinity = affinity;
            return this;
        }

        /**
         * @param farmName the farm / pool name; default the guide's ({@link ServiceType#farmName()})
         * @return this builder
         */
        public Builder farmName(String farmName) {
            this.farmName = farmName;
            return this;
        }

        /**
         * @return the service
         * @throws IllegalArgumentException when a port is outside 1-65535, or there are not one or two ports
         */
        public Service build() {
            return new Service(this);
        }
    }
}
