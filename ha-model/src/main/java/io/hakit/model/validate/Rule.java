package io.hakit.model.validate;

import io.hakit.model.Deployment;
import java.util.Objects;

/**
 * One rule of the guide, under its ID. A rule looks at a deployment and reports what it
 * finds; it never throws on a bad deployment. Implementations must be thread-safe.
 */
public interface Rule {

    /** @return the rule's ID, e.g. {@code SVC-005} */
    String id();

    /** @return the severity the guide gives it (some findings use another, e.g. TOP-001 in non-production) */
    Severity severity();

    /** @return one sentence: what the rule requires */
    String summary();

    /**
     * Checks a deployment.
     *
     * @param deployment the deployment
     * @param context the validation's clock and settings
     * @param findings where to report
     */
    void check(Deployment deployment, ValidationContext context, Findings findings);

    /**
     * Where a rule reports. Not thread-safe; one per rule per validation.
     */
    interface Findings {
        /**
         * @param severity how much it matters
         * @param path where in the topology
         * @param message what is wrong, naming values
         * @param hint how to fix it
         */
        void add(Severity severity, String path, String message, String hint);

        /**
         * Reports at the rule's own severity.
         *
         * @param path where in the topology
         * @param message what is wrong, naming values
         * @param hint how to fix it
         */
        void add(String path, String message, String hint);
    }

    /** The check of a rule, for {@link #of}. */
    @FunctionalInterface
    interface Check {
        /**
         * @param deployment the deployment
         * @param context the validation's clock and settings
         * @param findings where to report
         */
        void check(Deployment deployment, ValidationContext context, Findings findings);
    }

    /**
     * @param id the rule ID
     * @param severity its severity
     * @param summary what it requires
     * @param check how it checks
     * @return the rule
     */
    static Rule of(String id, Severity severity, String summary, Check check) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(check, "check");
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Severity severity() {
                return severity;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public void check(Deployment deployment, ValidationContext context, Findings findings) {
                check.check(deployment, context, findings);
            }

            @Override
            public String toString() {
                return id + " (" + severity + "): " + summary;
            }
        };
    }
}
