package io.hakit.citrix;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.test.ThrowawayDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** The reference topology with throwaway certificates (one {@link ThrowawayDeployment} per run) and NITRO clients for tests. */
public final class Fixtures {

    private static ThrowawayDeployment shared;

    private Fixtures() {
    }

    private static synchronized ThrowawayDeployment shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("hakit-citrix-fixtures");
                dir.toFile().deleteOnExit();
                shared = ThrowawayDeployment.write(Vendor.CITRIX, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** @return the reference deployment, its certificates from a throwaway CA whose LB key {@link #lbKey} writes */
    public static Deployment reference() {
        return shared().deployment();
    }

    /**
     * @param dir a temporary directory
     * @return the LB key written there
     */
    public static Path lbKey(Path dir) {
        try {
            return Files.copy(shared().lbKey(), dir.resolve("lb.key"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param sim a simulator
     * @return a client for it with short time-outs
     */
    public static NitroClient client(CitrixSimulator sim) {
        return NitroClient.builder().url(sim.url()).credentials("admin", "admin")
                .connectTimeout(Duration.ofSeconds(2)).responseTimeout(Duration.ofSeconds(5))
                .saveRetries(5, Duration.ofMillis(10)).build();
    }

    /**
     * @param sim a simulator
     * @param dir where to write the key
     * @return an adapter with the LB key
     */
    public static CitrixAdapter adapter(CitrixSimulator sim, Path dir) {
        return CitrixAdapter.builder().client(client(sim)).lbKey(lbKey(dir)).build();
    }
}
