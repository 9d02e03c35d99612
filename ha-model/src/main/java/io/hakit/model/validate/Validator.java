package io.hakit.model.validate;

import io.hakit.model.Deployment;
import io.hakit.model.validate.internal.GuideRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Checks a {@link Deployment} against every rule of the guide (GUIDE-RULES.md) and returns
 * all findings. Never throws on a bad deployment: a rule that fails unexpectedly is itself
 * reported as a finding. Immutable and thread-safe; share one.
 *
 * <pre>{@code
 * ValidationReport report = Validator.standard().validate(TopologyLoader.load(path));
 * report.findings().forEach(System.out::println);
 * }</pre>
 */
public final class Validator {

    private final List<Rule> rules;
    private final Clock clock;

    private Validator(Builder b) {
        this.rules = List.copyOf(b.rules);
        this.clock = b.clock;
    }

    /** @return a validator with every rule of the guide, judging certificates at the current time */
    public static Validator standard() {
        return builder().build();
    }

    /** @return a builder starting from every rule of the guide */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param change how to change the standard validator
     * @return the validator
     */
    public static Validator create(Consumer<Builder> change) {
        Builder b = builder();
        change.accept(b);
        return b.build();
    }

    /** @return the rules this validator checks, in order */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * @param deployment the deployment to check
     * @return every finding
     */
    public ValidationReport validate(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        ValidationContext context = new ValidationContext(clock.instant());
        List<Finding> findings = new ArrayList<>(deployment.loadFindings());
        for (Rule rule : rules) {
            Rule.Findings sink = new Rule.Findings() {
                @Override
                public void add(Severity severity, String path, String message, String hint) {
                    findings.add(new Finding(rule.id(), severity, path, message, hint));
                }

                @Override
                public void add(String path, String message, String hint) {
                    add(rule.severity(), path, message, hint);
                }
            };
            try {
                rule.check(deployment, context, sink);
            } catch (RuntimeException e) {
                findings.add(new Finding(rule.id(), Severity.ERROR, "",
                        "the rule could not be checked: " + e, "report this as a hakit bug"));
            }
        }
        return new ValidationReport(findings);
    }

    /** Builds a {@link Validator}. Not thread-safe. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>(GuideRules.all());
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * @param clock the clock certificates are judged by; defaults to the system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param rule an extra rule, checked after the guide's
         * @return this builder
         */
        public Builder rule(Rule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * @param ruleId the ID of a rule to leave out, e.g. {@code TOP-003}
         * @return this builder
         */
        public Builder without(String ruleId) {
            Objects.requireNonNull(ruleId, "ruleId");
            rules.removeIf(r -> r.id().equals(ruleId));
            return this;
        }

        /** @return the validator */
        public Validator build() {
            return new Validator(this);
        }
    }
}
