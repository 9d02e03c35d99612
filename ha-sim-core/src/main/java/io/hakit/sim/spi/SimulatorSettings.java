package io.hakit.sim.spi;

import io.hakit.sim.ServerIdentity;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SimulatorProvider} starts a simulator with. Immutable; {@link #toString()} never
 * shows the password.
 *
 * @param user the one administrator's name
 * @param password its password
 * @param tls the certificate and key to serve HTTPS with; empty for plain HTTP
 */
public record SimulatorSettings(String user, String password, Optional<ServerIdentity> tls) {
    /**
     * Checks the arguments.
     *
     * @param user the administrator's name, not blank
     * @param password its password
     * @param tls the TLS identity, or empty
     */
    public SimulatorSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }

    @Override
    public String toString() {
        return "SimulatorSettings[user=" + user + ", password=" + io.hakit.sim.Redaction.MARK + ", tls=" + tls.isPresent() + "]";
    }
}
