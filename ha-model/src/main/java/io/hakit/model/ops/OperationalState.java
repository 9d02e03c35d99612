package io.hakit.model.ops;

import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;

/**
 * Member state set by an operator (drained, disabled, forced offline) is operational, not configuration: planners
 * never count it as drift and appliers never change it, and plans and audits report it with rule {@value #RULE}
 * (warning: high availability reduced). Stateless.
 */
public final class OperationalState {

    /** The rule ID of an out-of-service member. */
    public static final String RULE = "OPS-001";

    private OperationalState() {
    }

    /**
     * @param group the member's group on the device (service group, pool, farm)
     * @param member the member, e.g. {@code app1.hospital.org:7002}
     * @param state what the device says, e.g. {@code DISABLED}, {@code user-disabled}
     * @return the warning
     */
    public static Finding warning(String group, String member, String state) {
        return new Finding(RULE, Severity.WARNING, group + "/" + member, "member " + member + " of " + group + " is "
                + state + " (set by an operator or hakit drain): high availability reduced; plan and apply leave it so",
                "hakit enable --vendor V ... FILE SERVER puts back what hakit drain changed");
    }
}
