package io.hakit.citrix;

import java.util.Objects;

/**
 * One NITRO error body, {@code {"errorcode":N,"message":"...","severity":"ERROR"}}, e.g. one item of a
 * bulk or {@code macroapi} answer. Errorcode 0 is success. Immutable.
 *
 * @param errorcode NITRO's errorcode (0: done)
 * @param message NITRO's message
 * @param severity {@code NONE}, {@code WARNING} or {@code ERROR}
 */
public record NitroError(int errorcode, String message, String severity) {

    /** The errorcodes that mean "no such object" (258 no such resource, 344 no service, 351 no such server,
     * 461 no such vserver, 463 no such service/serviceGroup, 1540 certificate does not exist, 1542 certificate
     * binding does not exist). */
    public static final java.util.Set<Integer> NOT_FOUND = java.util.Set.of(258, 344, 351, 461, 463, 1540, 1542);

    /** The errorcodes that mean "already exists" (273, 433 server name exists, 1335 server exists). */
    public static final java.util.Set<Integer> EXISTS = java.util.Set.of(273, 433, 1335);

    /** The errorcodes of a session that expired or was never there (444, 1027), answered with HTTP 401. */
    public static final java.util.Set<Integer> SESSION_EXPIRED = java.util.Set.of(444, 1027);

    /** Errorcode 1028: connected to the secondary node of an HA pair. */
    public static final int NOT_PRIMARY = 1028;

    /** Errorcodes 293 and 1461: another operation (a save) is in progress; try again. */
    public static final java.util.Set<Integer> BUSY = java.util.Set.of(293, 1461);

    /** @throws NullPointerException naming a null argument */
    public NitroError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** @return whether the item succeeded */
    public boolean ok() {
        return errorcode == 0;
    }

    @Override
    public String toString() {
        return ok() ? "Done" : "errorcode " + errorcode + " (" + severity + "): " + message;
    }
}
