package io.hakit.test;

import io.hakit.model.Vendor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The reference topologies (the same as {@code examples/topologies/reference-<vendor>.yaml}),
 * bundled as resources so tests and the demo need no file from the source tree. Their
 * certificate entries name files ({@code certs/lb.pem}, ...) relative to the topology;
 * {@link ThrowawayDeployment} writes them. Stateless and thread-safe.
 */
public final class ReferenceTopologies {
    private ReferenceTopologies() {
    }

    /**
     * @param vendor {@link Vendor#CITRIX} or {@link Vendor#F5}
     * @return the reference topology's YAML text
     * @throws IllegalArgumentException for a vendor without a bundled reference topology
     */
    public static String yaml(Vendor vendor) {
        Objects.requireNonNull(vendor, "vendor");
        String name = "topologies/reference-" + vendor.key() + ".yaml";
        try (InputStream in = ReferenceTopologies.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("vendor: no reference topology is bundled for " + vendor);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + name, e);
        }
    }
}
