package io.hakit.model;

import java.time.Duration;

/**
 * The figures the guide fixes for every load balancer, defined once so that no adapter
 * re-decides them: renderers, planners, auditors and the HL7 listener read them from here.
 * The per-service figures (ports, health tests, modes) are in the catalog, {@link ServiceType}.
 */
public final class GuideConstants {

    /** The HL7 listener's MLLP port on every application server: 2244 (catalog, CTX-004). */
    public static final int HL7_PORT = 2244;

    /**
     * The load balancer's TCP idle time-out in whole seconds: {@value}, the Admin Console's
     * 30-minute session idle time plus a minute (F5-003; Citrix {@code cltTimeout}/{@code svrTimeout}).
     */
    public static final int IDLE_TIMEOUT_SECONDS = 1860;

    /** {@link #IDLE_TIMEOUT_SECONDS} as a duration: 31 minutes. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(IDLE_TIMEOUT_SECONDS);

    private GuideConstants() {
    }
}
