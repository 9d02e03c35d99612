package io.hakit.examples.cli.vendor;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** A simulator started by {@code hakit simulate}: its URL, and how to stop it. */
public interface RunningSimulator extends AutoCloseable {

    /** @return the URL to pass to {@code --url} */
    URI url();

    /**
     * @return the file the simulator's CA certificate was written to (to pass to {@code --ca}),
     *     when it serves HTTPS; empty for plain HTTP
     */
    default Optional<Path> caFile() {
        return Optional.empty();
    }

    /** Stops the simulator. Never throws. */
    @Override
    void close();
}
