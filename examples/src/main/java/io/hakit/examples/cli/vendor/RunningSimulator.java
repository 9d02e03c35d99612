package io.hakit.examples.cli.vendor;

import java.net.URI;

/** A simulator started by {@code hakit simulate}: its URL, and how to stop it. */
public interface RunningSimulator extends AutoCloseable {

    /** @return the URL to pass to {@code --url} */
    URI url();

    /** Stops the simulator. Never throws. */
    @Override
    void close();
}
