package io.hakit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.model.Vendor;
import java.net.URI;
import java.util.List;

/**
 * What every device simulator offers a test, whatever device it stands in for. Implementations
 * are thread-safe.
 */
public interface DeviceSimulator extends AutoCloseable {

    /** @return the device this simulator stands in for */
    Vendor vendor();

    /** @return the base URL, e.g. {@code http://127.0.0.1:41234} (no trailing slash) */
    URI url();

    /** @return a deep copy of all configuration; two snapshots are equal exactly when the configurations are */
    JsonNode snapshot();

    /** @return every request since start or {@link #clearRequests()}, oldest first, secrets redacted */
    List<RecordedRequest> requests();

    /** Forgets the recorded requests. */
    void clearRequests();

    /** @return the writes received since start, as the simulator's Javadoc defines them */
    int writeCount();

    /** Stops the simulator; requests in flight are cut off. Never throws. */
    @Override
    void close();
}
