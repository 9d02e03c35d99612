package io.hakit.iis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One ARR server farm: a {@code webFarms/webFarm} element with its servers and its
 * {@code applicationRequestRouting} settings (health test, affinity, load balancing, protocol).
 * Only attributes ARR's schema defines; defaults are the schema's. Immutable.
 *
 * <p>ARR objects have no comment or description attribute, so hakit recognises its farms by
 * the names it gives them (the guide's farm names).
 *
 * @param name the farm's name (its key; the host name URL Rewrite forwards to)
 * @param enabled whether the farm is enabled; schema default {@code true}
 * @param servers the members, keyed by address (unique, case-insensitive)
 * @param healthCheck the health test
 * @param affinity client affinity
 * @param algorithm the load-balancing algorithm
 * @param protocol the farm's proxy settings
 */
public record WebFarm(String name, boolean enabled, List<FarmServer> servers, HealthCheck healthCheck,
        FarmAffinity affinity, LoadBalancingAlgorithm algorithm, FarmProtocol protocol) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException when the name is empty or two servers share an address
     */
    public WebFarm {
        Checks.nonEmpty("webFarm name", name);
        servers = List.copyOf(servers);
        Set<String> seen = new HashSet<>();
        for (FarmServer s : servers) {
            if (!seen.add(s.address().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("webFarm '" + name + "' lists server '" + s.address() + "' twice");
            }
        }
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(affinity, "affinity");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * @param address a server address (case-insensitive)
     * @return that member, if the farm has it
     */
    public Optional<FarmServer> server(String address) {
        return servers.stream().filter(s -> s.address().equalsIgnoreCase(address)).findFirst();
    }

    /**
     * @param name the farm's name
     * @return a builder with the schema defaults and no servers
     */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** @return a builder holding this farm's values */
    public Builder toBuilder() {
        return new Builder().name(name).enabled(enabled).servers(servers).healthCheck(healthCheck).affinity(affinity)
                .algorithm(algorithm).protocol(protocol);
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes
     */
    public WebFarm copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** Builds a {@link WebFarm}; not thread-safe. */
    public static final class Builder {
        private String name;
        private boolean enabled = true;
        private final List<FarmServer> servers = new ArrayList<>();
        private HealthCheck healthCheck = HealthCheck.DEFAULT;
        private FarmAffinity affinity = FarmAffinity.NONE;
        private LoadBalancingAlgorithm algorithm = LoadBalancingAlgorithm.WEIGHTED_ROUND_ROBIN;
        private FarmProtocol protocol = FarmProtocol.DEFAULT;

        private Builder() {
        }

        /**
         * @param name the farm's name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param enabled whether the farm is enabled; default {@code true}
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @param servers the members, replacing any added so far
         * @return this builder
         */
        public Builder servers(List<FarmServer> servers) {
            this.servers.clear();
            this.servers.addAll(servers);
            return this;
        }

        /**
         * @param server a member to add
         * @return this builder
         */
        public Builder server(FarmServer server) {
            servers.add(Objects.requireNonNull(server, "server"));
            return this;
        }

        /**
         * @param address a member's address
         * @param spec sets the member's ports, weight and state
         * @return this builder
         */
        public Builder server(String address, Consumer<FarmServer.Builder> spec) {
            FarmServer.Builder b = FarmServer.builder(address);
            spec.accept(b);
            return server(b.build());
        }

        /**
         * @param healthCheck the health test; default {@link HealthCheck#DEFAULT} (none)
         * @return this builder
         */
        public Builder healthCheck(HealthCheck healthCheck) {
            this.healthCheck = Objects.requireNonNull(healthCheck, "healthCheck");
            return this;
        }

        /**
         * @param spec sets the health test, starting from the current one
         * @return this builder
         */
        public Builder healthCheck(Consumer<HealthCheck.Builder> spec) {
            HealthCheck.Builder b = healthCheck.toBuilder();
            spec.accept(b);
            return healthCheck(b.build());
        }

        /**
         * @param affinity client affinity; default {@link FarmAffinity#NONE}
         * @return this builder
         */
        public Builder affinity(FarmAffinity affinity) {
            this.affinity = Objects.requireNonNull(affinity, "affinity");
            return this;
        }

        /**
         * @param algorithm the algorithm; default {@link LoadBalancingAlgorithm#WEIGHTED_ROUND_ROBIN}
         * @return this builder
         */
        public Builder algorithm(LoadBalancingAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /**
         * @param protocol proxy settings; default {@link FarmProtocol#DEFAULT}
         * @return this builder
         */
        public Builder protocol(FarmProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * @return the farm
         * @throws IllegalArgumentException naming a bad value
         */
        public WebFarm build() {
            return new WebFarm(name, enabled, servers, healthCheck, affinity, algorithm, protocol);
        }
    }
}
