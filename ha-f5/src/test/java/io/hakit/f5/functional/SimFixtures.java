package io.hakit.f5.functional;

import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.test.ReferenceTopologies;
import io.hakit.test.ThrowawayCa;
import io.hakit.test.ThrowawayDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The reference F5 topology with one set of throwaway-CA certificates per run, written where a test wants it. */
public final class SimFixtures {

    private static final ThrowawayDeployment SHARED = shared();

    public static final ThrowawayCa CA = SHARED.ca();
    public static final ThrowawayCa.Issued LB = SHARED.lb();

    private SimFixtures() {
    }

    private static ThrowawayDeployment shared() {
        try {
            Path dir = Files.createTempDirectory("hakit-f5-fixtures");
            dir.toFile().deleteOnExit();
            return ThrowawayDeployment.write(Vendor.F5, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String referenceYaml() {
        return ReferenceTopologies.yaml(Vendor.F5);
    }

    public static Deployment deployment(Path dir, String yaml) {
        return SHARED.rewrite(yaml, dir).deployment();
    }

    public static Deployment reference(Path dir) {
        return deployment(dir, referenceYaml());
    }

    public static Path lbKey(Path dir) {
        try {
            return Files.copy(SHARED.lbKey(), dir.resolve("lb.key"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
