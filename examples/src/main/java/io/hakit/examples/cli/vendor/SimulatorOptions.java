package io.hakit.examples.cli.vendor;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code hakit simulate} starts a simulator. The password never appears in {@link #toString()}.
 *
 * @param port the port (0: any free one)
 * @param user the user the simulator accepts
 * @param password the password it accepts
 * @param tlsDirectory when present, serve HTTPS with a throwaway CA whose certificate is written here
 *     (the simulator's {@link RunningSimulator#caFile()} says where; pass it to {@code --ca})
 */
public record SimulatorOptions(int port, String user, String password, Optional<Path> tlsDirectory) {

    /** @throws NullPointerException naming a null argument */
    public SimulatorOptions {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tlsDirectory, "tlsDirectory");
    }

    @Override
    public String toString() {
        return "SimulatorOptions[port=" + port + ", user=" + user + ", tls=" + tlsDirectory.isPresent() + "]";
    }
}
