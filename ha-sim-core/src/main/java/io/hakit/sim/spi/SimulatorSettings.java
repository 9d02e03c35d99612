package io.hakit.sim.spi;

import io.hakit.sim.ServerIdentity;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link SimulatorProvider} starts a simulator with. Immutable; {@link #toString()} never
 * shows the password.
 *
 * @param user the one administrator's name
 * @param password its password
 * @param tls the certificate and key to serve HTTPS with; empty for plain HTTP
 * @param customizer called by the provider with the simulator's own builder (e.g. {@code CitrixSimulator.Builder})
 *     after user, password and TLS are set and before the simulator starts, for the settings only that
 *     simulator has (a device group, a token cap, ...)
 */
public record SimulatorSettings(String user, String password, Optional<ServerIdentity> tls,
        Consumer<Object> customizer) {
    /**
     * Checks the arguments.
     *
     * @param user the administrator's name, not blank
     * @param password its password
     * @param tls the TLS identity, or empty
     * @param customizer what to do with the simulator's builder; {@code b -> { }} for nothing
     */
    public SimulatorSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(customizer, "customizer");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }

    /**
     * Settings with nothing to customise.
     *
     * @param user the administrator's name, not blank
     * @param password its password
     * @param tls the TLS identity, or empty
     */
    public SimulatorSettings(String user, String password, Optional<ServerIdentity> tls) {
        this(user, password, tls, builder -> { });
    }

    @Override
    public String toString() {
        return "SimulatorSettings[user=" + user + ", password=" + io.hakit.sim.Redaction.MARK + ", tls=" + tls.isPresent() + "]";
    }
}
