package io.hakit.model;

/** Port numbers: validated ints. */
public final class Ports {
    /** The lowest TCP port. */
    public static final int MIN = 1;
    /** The highest TCP port. */
    public static final int MAX = 65535;

    private Ports() {
    }

    /**
     * @param port a port number
     * @param field where it came from, for the message
     * @return {@code port}
     * @throws IllegalArgumentException naming field and value when the port is outside 1-65535
     */
    public static int check(int port, String field) {
        if (port < MIN || port > MAX) {
            throw new IllegalArgumentException(field + " (" + port + ") must be a port between " + MIN + " and " + MAX);
        }
        return port;
    }
}
