package io.hakit.citrix;

import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.Deployment;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The reference topology with a throwaway LB certificate whose key the tests can upload. */
public final class Fixtures {

    /** The reference Citrix topology shipped in examples/. */
    public static final Path REFERENCE = Path.of("..", "examples", "topologies", "reference-citrix.yaml");

    private static ThrowawayCa.Issued lb;

    private Fixtures() {
    }

    /** @return the reference deployment, its LB certificate replaced by one whose key {@link #lbKey} has */
    public static synchronized Deployment reference() {
        Deployment d = TopologyLoader.load(REFERENCE);
        return d.copy(b -> b.loadBalancer(d.loadBalancer().copy(l -> l.certificate(issued().chain()))));
    }

    private static synchronized ThrowawayCa.Issued issued() {
        if (lb == null) {
            lb = ThrowawayCa.create("hakit test CA").issueServer("patientsecure.hospital.org");
        }
        return lb;
    }

    /**
     * @param dir a temporary directory
     * @return the LB key written there
     */
    public static Path lbKey(Path dir) {
        try {
            return Files.writeString(dir.resolve("lb.key"), issued().privateKeyPem());
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
