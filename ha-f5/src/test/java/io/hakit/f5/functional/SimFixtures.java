package io.hakit.f5.functional;

import io.hakit.model.Deployment;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The reference F5 topology with certificates (and the LB key) made by a throwaway CA in a temp folder. */
public final class SimFixtures {

    public static final ThrowawayCa CA = ThrowawayCa.create("Hospital Test CA");
    public static final ThrowawayCa.Issued LB = CA.issueServer("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
    public static final ThrowawayCa.Issued APP1 = CA.issueServer("app1.hospital.org");
    public static final ThrowawayCa.Issued APP2 = CA.issueServer("app2.hospital.org");

    private SimFixtures() {
    }

    public static String referenceYaml() {
        try {
            return Files.readString(Path.of("../examples/topologies/reference-f5.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Deployment deployment(Path dir, String yaml) {
        try {
            Path certs = Files.createDirectories(dir.resolve("certs"));
            Files.writeString(certs.resolve("lb.pem"), LB.chainPem());
            Files.writeString(certs.resolve("app1.pem"), APP1.chainPem());
            Files.writeString(certs.resolve("app2.pem"), APP2.chainPem());
            Files.writeString(certs.resolve("hospital-ca.pem"), CA.certificatePem());
            Path file = dir.resolve("topology.yaml");
            Files.writeString(file, yaml);
            return TopologyLoader.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Deployment reference(Path dir) {
        return deployment(dir, referenceYaml());
    }

    public static Path lbKey(Path dir) {
        try {
            Path key = dir.resolve("lb.key");
            Files.write(key, LB.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
