package io.hakit.iis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What hakit manages in an IIS + ARR server's applicationHost.config: server farms, URL Rewrite
 * global rules and Default Web Site bindings (with their certificates). Rendered from a deployment
 * by {@link ArrConfigRenderer}, read from a file by {@link ApplicationHostConfig}. Immutable and
 * thread-safe.
 *
 * @param farms the server farms, names unique (case-insensitive)
 * @param rules the global rules in order, names unique (case-insensitive)
 * @param bindings the site bindings, keys unique
 */
public record ArrConfig(List<WebFarm> farms, List<RewriteRule> rules, List<SiteBinding> bindings) {

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming a duplicate farm, rule or binding
     */
    public ArrConfig {
        farms = List.copyOf(farms);
        rules = List.copyOf(rules);
        bindings = List.copyOf(bindings);
        unique("webFarm", farms.stream().map(WebFarm::name).toList());
        unique("rule", rules.stream().map(RewriteRule::name).toList());
        unique("binding", bindings.stream().map(b -> b.site() + " " + b.key()).toList());
    }

    private static void unique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two " + what + "s are named '" + n + "'");
            }
        }
    }

    /**
     * @param name a farm name (case-insensitive)
     * @return the farm, if present
     */
    public Optional<WebFarm> farm(String name) {
        return farms.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param name a rule name (case-insensitive)
     * @return the rule, if present
     */
    public Optional<RewriteRule> rule(String name) {
        return rules.stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * @param site a site name
     * @param key a binding key, {@code protocol/ip:port:host}
     * @return the binding, if present
     */
    public Optional<SiteBinding> binding(String site, String key) {
        return bindings.stream().filter(b -> b.site().equalsIgnoreCase(site) && b.key().equalsIgnoreCase(key))
                .findFirst();
    }

    /** @return a builder with nothing in it */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.farms.addAll(farms);
        b.rules.addAll(rules);
        b.bindings.addAll(bindings);
        return b;
    }

    /** Builds an {@link ArrConfig}; not thread-safe. */
    public static final class Builder {
        private final List<WebFarm> farms = new ArrayList<>();
        private final List<RewriteRule> rules = new ArrayList<>();
        private final List<SiteBinding> bindings = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param farm a farm to add
         * @return this builder
         */
        public Builder farm(WebFarm farm) {
            farms.add(farm);
            return this;
        }

        /**
         * @param name the farm's name
         * @param spec sets the farm
         * @return this builder
         */
        public Builder farm(String name, Consumer<WebFarm.Builder> spec) {
            WebFarm.Builder b = WebFarm.builder(name);
            spec.accept(b);
            return farm(b.build());
        }

        /**
         * @param rule a global rule to add, after those added so far
         * @return this builder
         */
        public Builder rule(RewriteRule rule) {
            rules.add(rule);
            return this;
        }

        /**
         * @param name the rule's name
         * @param spec sets the rule
         * @return this builder
         */
        public Builder rule(String name, Consumer<RewriteRule.Builder> spec) {
            RewriteRule.Builder b = RewriteRule.builder(name);
            spec.accept(b);
            return rule(b.build());
        }

        /**
         * @param binding a site binding to add
         * @return this builder
         */
        public Builder binding(SiteBinding binding) {
            bindings.add(binding);
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming a duplicate
         */
        public ArrConfig build() {
            return new ArrConfig(farms, rules, bindings);
        }
    }
}
