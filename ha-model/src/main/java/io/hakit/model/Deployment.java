package io.hakit.model;

import io.hakit.model.cert.CertificateChain;
import io.hakit.model.internal.Derivation;
import io.hakit.model.validate.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The root of the model: one PatientSecure deployment behind one load balancer. Holds
 * what the topology declares (environment, load balancer, application servers, trust CA,
 * services) and derives, once, what every adapter renders from: {@link #farms()},
 * {@link #vips()}, {@link #productUrls()} and {@link #clientConnection()}.
 *
 * <p>A deployment may break the guide's rules: building one only checks the Java-level
 * invariants (nulls, unique service names). {@code Validator} reports the rest.
 * Immutable and thread-safe.
 */
public final class Deployment {

    /** The {@link #serverConsole()} value meaning "on the load-balancer host". */
    public static final String SERVER_CONSOLE_ON_LB = "lb";

    private final String name;
    private final Environment environment;
    private final LoadBalancer loadBalancer;
    private final String serverConsole;
    private final List<Server> servers;
    private final CertificateChain trustCa;
    private final List<Service> services;
    private final String source;
    private final List<Finding> loadFindings;

    private final Map<String, Service> servicesByName;
    private final Map<String, Server> serversByFqdn;
    private final List<Farm> farms;
    private final List<Vip> vips;
    private final List<ProductUrl> productUrls;

    private Deployment(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.environment = b.environment;
        this.loadBalancer = Objects.requireNonNull(b.loadBalancer, "loadBalancer");
        this.serverConsole = b.serverConsole;
        this.servers = List.copyOf(b.servers);
        this.trustCa = b.trustCa;
        this.services = List.copyOf(b.services);
        Map<String, Service> byName = new HashMap<>();
        for (Service s : services) {
            if (byName.putIfAbsent(s.name(), s) != null) {
                throw new IllegalArgumentException("services: the name '" + s.name() + "' is used twice");
            }
        }
        this.servicesByName = byName;
        Map<String, Server> byFqdn = new HashMap<>();
        for (Server s : servers) {
            byFqdn.putIfAbsent(s.fqdn(), s);
        }
        this.serversByFqdn = byFqdn;
        this.source = b.source;
        this.loadFindings = List.copyOf(b.loadFindings);
        this.farms = Derivation.farms(this);
        this.vips = Derivation.vips(this);
        this.productUrls = Derivation.productUrls(this);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this deployment's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.environment = environment;
        b.loadBalancer = loadBalancer;
        b.serverConsole = serverConsole;
        b.servers = new ArrayList<>(servers);
        b.trustCa = trustCa;
        b.services = new ArrayList<>(services);
        b.source = source;
        b.loadFindings = new ArrayList<>(loadFindings);
        return b;
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes applied
     */
    public Deployment copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the deployment's name */
    public String name() {
        return name;
    }

    /** @return production or non-production, if declared (TOP-004) */
    public Optional<Environment> environment() {
        return Optional.ofNullable(environment);
    }

    /** @return whether the environment is declared as production */
    public boolean isProduction() {
        return environment == Environment.PRODUCTION;
    }

    /** @return the load balancer */
    public LoadBalancer loadBalancer() {
        return loadBalancer;
    }

    /** @return the vendor of the load balancer */
    public Vendor vendor() {
        return loadBalancer.vendor();
    }

    /** @return where the Server Console runs: {@value #SERVER_CONSOLE_ON_LB}, or a server's FQDN */
    public String serverConsole() {
        return serverConsole;
    }

    /** @return the application servers, in topology order */
    public List<Server> servers() {
        return servers;
    }

    /**
     * @param fqdn a server's FQDN
     * @return that server, if the deployment has it
     */
    public Optional<Server> server(String fqdn) {
        return Optional.ofNullable(serversByFqdn.get(fqdn));
    }

    /** @return the CA(s) that signed the application servers' certificates, if declared */
    public Optional<CertificateChain> trustCa() {
        return Optional.ofNullable(trustCa);
    }

    /** @return every service, enabled or not, in topology order */
    public List<Service> services() {
        return services;
    }

    /** @return the enabled services, in topology order */
    public List<Service> enabledServices() {
        return services.stream().filter(Service::enabled).toList();
    }

    /**
     * @param name a service name
     * @return that service, if the deployment has it
     */
    public Optional<Service> service(String name) {
        return Optional.ofNullable(servicesByName.get(name));
    }

    /**
     * @param type a catalog entry
     * @return the first enabled service of that type, if any
     */
    public Optional<Service> service(ServiceType type) {
        return services.stream().filter(s -> s.enabled() && s.type() == type).findFirst();
    }

    /**
     * @param service a service of this deployment
     * @return the FQDNs of the servers it runs on: its own list, or every server
     */
    public List<String> serversOf(Service service) {
        return service.servers().isEmpty() ? servers.stream().map(Server::fqdn).toList() : service.servers();
    }

    /**
     * @param service a service of this deployment
     * @return the affinity in force: the topology's, or the guide's default for the vendor
     */
    public Affinity affinityOf(Service service) {
        return Derivation.affinity(this, service);
    }

    /** @return the file the deployment was loaded from, if any (for messages) */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /**
     * Findings the loader made while reading the file (a malformed status-code range,
     * HC-004, is a finding, not a load failure). Validators report them with their own.
     *
     * @return the loader's findings
     */
    public List<Finding> loadFindings() {
        return loadFindings;
    }

    /** @return one farm per enabled service: members, ports, health test, affinity, mode */
    public List<Farm> farms() {
        return farms;
    }

    /** @return one virtual server / binding per published port of every enabled service */
    public List<Vip> vips() {
        return vips;
    }

    /** @return the URLs each service must be configured with ("Advanced Settings", URL-001) */
    public List<ProductUrl> productUrls() {
        return productUrls;
    }

    /** @return the FQDN and port clients connect with: the Web Services URL's (URL-002), if Web Services is on */
    public Optional<ClientConnection> clientConnection() {
        return Derivation.clientConnection(this);
    }

    /**
     * Deployments are equal when they declare the same things (derived values follow).
     * The source file name is not part of equality, so a YAML and a JSON file of one
     * topology load to equal deployments.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Deployment)) {
            return false;
        }
        Deployment d = (Deployment) o;
        return name.equals(d.name) && environment == d.environment && loadBalancer.equals(d.loadBalancer)
                && serverConsole.equals(d.serverConsole) && servers.equals(d.servers)
                && Objects.equals(trustCa, d.trustCa) && services.equals(d.services)
                && loadFindings.equals(d.loadFindings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, environment, loadBalancer, serverConsole, servers, services);
    }

    @Override
    public String toString() {
        return "Deployment[" + name + ", " + environment + ", " + loadBalancer + ", " + servers.size() + " servers, "
                + services.size() + " services]";
    }

    /** Builds a {@link Deployment}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private Environment environment;
        private LoadBalancer loadBalancer;
        private String serverConsole = SERVER_CONSOLE_ON_LB;
        private List<Server> servers = new ArrayList<>();
        private CertificateChain trustCa;
        private List<Service> services = new ArrayList<>();
        private String source;
        private List<Finding> loadFindings = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name the deployment's name (required)
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param environment production or non-production; none by default (TOP-004 reports it)
         * @return this builder
         */
        public Builder environment(Environment environment) {
            this.environment = environment;
            return this;
        }

        /**
         * @param loadBalancer the load balancer (required)
         * @return this builder
         */
        public Builder loadBalancer(LoadBalancer loadBalancer) {
            this.loadBalancer = Objects.requireNonNull(loadBalancer, "loadBalancer");
            return this;
        }

        /**
         * @param change how to build the load balancer
         * @return this builder
         */
        public Builder loadBalancer(Consumer<LoadBalancer.Builder> change) {
            LoadBalancer.Builder b = LoadBalancer.builder();
            change.accept(b);
            return loadBalancer(b.build());
        }

        /**
         * @param serverConsole {@value Deployment#SERVER_CONSOLE_ON_LB} (the default) or a server's FQDN
         * @return this builder
         */
        public Builder serverConsole(String serverConsole) {
            this.serverConsole = Objects.requireNonNull(serverConsole, "serverConsole");
            return this;
        }

        /**
         * @param servers the application servers; replaces any added before
         * @return this builder
         */
        public Builder servers(List<Server> servers) {
            this.servers = new ArrayList<>(servers);
            return this;
        }

        /**
         * @param server an application server to add
         * @return this builder
         */
        public Builder server(Server server) {
            this.servers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /**
         * @param trustCa the CA(s) that signed the servers' certificates; none by default
         * @return this builder
         */
        public Builder trustCa(CertificateChain trustCa) {
            this.trustCa = trustCa;
            return this;
        }

        /**
         * @param services the services; replaces any added before
         * @return this builder
         */
        public Builder services(List<Service> services) {
            this.services = new ArrayList<>(services);
            return this;
        }

        /**
         * @param service a service to add
         * @return this builder
         */
        public Builder service(Service service) {
            this.services.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /**
         * @param type a catalog entry to add with every default
         * @return this builder
         */
        public Builder service(ServiceType type) {
            return service(Service.of(type));
        }

        /**
         * @param source the file this deployment was read from; none by default
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @param loadFindings findings made while loading; none by default
         * @return this builder
         */
        public Builder loadFindings(List<Finding> loadFindings) {
            this.loadFindings = new ArrayList<>(loadFindings);
            return this;
        }

        /**
         * @return the deployment
         * @throws NullPointerException when name or load balancer is missing
         * @throws IllegalArgumentException when two services share a name
         */
        public Deployment build() {
            return new Deployment(this);
        }
    }
}
