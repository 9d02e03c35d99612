package io.hakit.citrix.sim.internal;

import io.hakit.sim.SimulatorException;
import java.util.Map;

/**
 * NITRO error codes the simulator answers with, their messages and HTTP statuses (vendor notes
 * section 3.1 and section 1; the codes and messages are NITRO's own).
 */
public final class NitroErrorCodes {
    public static final int NO_SUCH_RESOURCE = 258;
    public static final int NOT_PERMITTED = 257;
    public static final int EXISTS = 273;
    public static final int INVALID_ARGUMENT = 278;
    public static final int IN_PROGRESS = 293;
    public static final int NO_SERVICE = 344;
    public static final int INVALID_BACKUP = 350;
    public static final int BAD_CREDENTIALS = 354;
    public static final int SESSION_EXPIRED = 444;
    public static final int NO_SUCH_VSERVER = 461;
    public static final int NOT_LOGGED_IN = 1027;
    public static final int NOT_PRIMARY = 1028;
    public static final int IN_USE = 1070;
    public static final int BOTH_SPECIFIED = 1092;
    public static final int ARGUMENT_MISSING = 1095;
    public static final int INVALID_VALUE = 1097;
    public static final int BULK_FAILED = 1243;
    public static final int SERVER_EXISTS = 1335;
    public static final int NO_CERTIFICATE = 1540;
    public static final int CERTIFICATE_REFERENCED = 1541;
    public static final int NO_CERTIFICATE_BINDING = 1542;
    public static final int FILE_EXISTS = 1642;

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(NOT_PERMITTED, "Operation not permitted"),
            Map.entry(NO_SUCH_RESOURCE, "No such resource"),
            Map.entry(EXISTS, "Resource already exists"),
            Map.entry(INVALID_ARGUMENT, "Invalid argument"),
            Map.entry(IN_PROGRESS, "Operation already in progress"),
            Map.entry(NO_SERVICE, "No Service"),
            Map.entry(INVALID_BACKUP, "Invalid backup vserver"),
            Map.entry(BAD_CREDENTIALS, "Invalid username or password"),
            Map.entry(SESSION_EXPIRED, "Session expired or killed. Please login again"),
            Map.entry(NO_SUCH_VSERVER, "No such Vserver"),
            Map.entry(NOT_LOGGED_IN, "Not logged in or connection timed out"),
            Map.entry(NOT_PRIMARY, "You are connected to a secondary node; configuration changes made in this "
                    + "session will not be propagated to, or saved on, other nodes"),
            Map.entry(IN_USE, "Object in use, cannot delete"),
            Map.entry(BOTH_SPECIFIED, "Arguments cannot both be specified"),
            Map.entry(ARGUMENT_MISSING, "Required argument missing"),
            Map.entry(INVALID_VALUE, "Invalid argument value"),
            Map.entry(BULK_FAILED, "Bulk operation failed"),
            Map.entry(SERVER_EXISTS, "Server already exists"),
            Map.entry(NO_CERTIFICATE, "Certificate does not exist"),
            Map.entry(CERTIFICATE_REFERENCED, "Certificate is referenced by a CRL, OCSP responder, vserver, "
                    + "service, monitor, SSL profile, another certificate"),
            Map.entry(NO_CERTIFICATE_BINDING, "Certificate binding does not exist"),
            Map.entry(FILE_EXISTS, "Cannot create output file. File already exists"));

    private NitroErrorCodes() {
    }

    /**
     * @param errorcode a NITRO error code
     * @return the HTTP status a device answers it with: 409 for "exists", 404 for "no such", 400 for
     *         bad arguments, 401 for authentication, 599 ("Netscaler specific error") otherwise
     */
    public static int status(int errorcode) {
        switch (errorcode) {
            case 0:
                return 200;
            case EXISTS:
            case SERVER_EXISTS:
            case FILE_EXISTS:
                return 409;
            case NO_SUCH_RESOURCE:
            case NO_SERVICE:
            case 351:
            case NO_SUCH_VSERVER:
            case 463:
                return 404;
            case INVALID_ARGUMENT:
            case 1091:
            case BOTH_SPECIFIED:
            case ARGUMENT_MISSING:
            case INVALID_VALUE:
                return 400;
            case SESSION_EXPIRED:
            case NOT_LOGGED_IN:
            case BAD_CREDENTIALS:
            case 355:
            case 352:
            case 1025:
            case 1026:
                return 401;
            default:
                return 599;
        }
    }

    /**
     * @param errorcode a NITRO error code
     * @return its NITRO message, without detail
     */
    public static String message(int errorcode) {
        return MESSAGES.getOrDefault(errorcode, "Error " + errorcode);
    }

    /**
     * @param httpStatus the HTTP status NITRO answers with
     * @param errorcode a NITRO error code
     * @param message the NITRO message
     * @return the refusal
     */
    public static SimulatorException refusal(int httpStatus, int errorcode, String message) {
        return new SimulatorException(httpStatus, Integer.toString(errorcode), message, null, null);
    }

    /**
     * @param errorcode a NITRO error code
     * @param details the bracketed detail NITRO appends, e.g. {@code servicetype} or {@code port, 0}
     * @return the refusal, with its HTTP status
     */
    public static SimulatorException error(int errorcode, String... details) {
        String m = message(errorcode);
        if (details.length > 0) {
            m = m + " [" + String.join(", ", details) + "]";
        }
        return refusal(status(errorcode), errorcode, m);
    }
}
