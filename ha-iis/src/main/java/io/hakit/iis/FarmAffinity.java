package io.hakit.iis;

import java.util.Objects;

/**
 * A farm's {@code applicationRequestRouting/affinity} element: client (cookie) affinity. Schema
 * defaults: {@code useCookie} false, {@code cookieName} {@code ARRAffinity}. Immutable.
 *
 * @param useCookie whether client affinity is on (the UI's "Client affinity")
 * @param cookieName the affinity cookie's name, non-empty, case-sensitive
 */
public record FarmAffinity(boolean useCookie, String cookieName) {

    /** Schema default of {@code cookieName}. */
    public static final String DEFAULT_COOKIE_NAME = "ARRAffinity";
    /** The schema's defaults: affinity off. */
    public static final FarmAffinity NONE = new FarmAffinity(false, DEFAULT_COOKIE_NAME);
    /** Client affinity with ARR's default cookie. */
    public static final FarmAffinity COOKIE = new FarmAffinity(true, DEFAULT_COOKIE_NAME);

    /**
     * @throws NullPointerException when {@code cookieName} is null
     * @throws IllegalArgumentException when {@code cookieName} is empty
     */
    public FarmAffinity {
        Checks.nonEmpty("cookieName", Objects.requireNonNull(cookieName, "cookieName"));
    }
}
