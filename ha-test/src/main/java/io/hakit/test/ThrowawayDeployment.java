package io.hakit.test;

import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A reference deployment whose certificates come from a {@link ThrowawayCa}: the topology file,
 * {@code certs/lb.pem} (for {@code patientsecure.hospital.org} and {@code patientsecurehl7.hospital.org}),
 * {@code certs/app1.pem}, {@code certs/app2.pem}, {@code certs/hospital-ca.pem} and the load
 * balancer's private key {@code lb.key}, written into a directory the test owns (a JUnit
 * {@code @TempDir}). Immutable once written; thread-safe.
 *
 * <pre>{@code
 * ThrowawayDeployment ref = ThrowawayDeployment.write(Vendor.F5, tempDir);
 * Plan plan = adapter.plan(ref.deployment());
 * }</pre>
 */
public final class ThrowawayDeployment {
    /** The load balancer's host names, the first also its certificate's common name. */
    public static final List<String> LB_NAMES = List.of("patientsecure.hospital.org", "patientsecurehl7.hospital.org");

    private final ThrowawayCa ca;
    private final ThrowawayCa.Issued lb;
    private final ThrowawayCa.Issued app1;
    private final ThrowawayCa.Issued app2;
    private final Path topologyFile;
    private final Path lbKey;
    private final Deployment deployment;

    private ThrowawayDeployment(ThrowawayCa ca, ThrowawayCa.Issued lb, ThrowawayCa.Issued app1, ThrowawayCa.Issued app2,
            Path dir, String yaml) throws IOException {
        this.ca = ca;
        this.lb = lb;
        this.app1 = app1;
        this.app2 = app2;
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("lb.pem"), lb.chainPem());
        Files.writeString(certs.resolve("app1.pem"), app1.chainPem());
        Files.writeString(certs.resolve("app2.pem"), app2.chainPem());
        Files.writeString(certs.resolve("hospital-ca.pem"), ca.certificatePem());
        this.lbKey = Files.write(dir.resolve("lb.key"), lb.privateKeyPem().getBytes(StandardCharsets.US_ASCII));
        this.topologyFile = Files.writeString(dir.resolve("topology.yaml"), yaml);
        this.deployment = TopologyLoader.load(topologyFile);
    }

    /**
     * Writes the vendor's {@link ReferenceTopologies reference topology} with certificates from a
     * new CA named {@code Hospital Test CA}.
     *
     * @param vendor {@link Vendor#CITRIX} or {@link Vendor#F5}
     * @param dir an existing directory the caller owns
     * @return the written deployment
     * @throws UncheckedIOException when the files cannot be written
     */
    public static ThrowawayDeployment write(Vendor vendor, Path dir) {
        return write(ReferenceTopologies.yaml(vendor), dir);
    }

    /**
     * Writes a topology of one's own (its certificate entries naming the files this class writes)
     * with certificates from a new CA named {@code Hospital Test CA}.
     *
     * @param topologyYaml the topology's YAML text
     * @param dir an existing directory the caller owns
     * @return the written deployment
     * @throws UncheckedIOException when the files cannot be written
     */
    public static ThrowawayDeployment write(String topologyYaml, Path dir) {
        Objects.requireNonNull(topologyYaml, "topologyYaml");
        Objects.requireNonNull(dir, "dir");
        try {
            ThrowawayCa ca = ThrowawayCa.create("Hospital Test CA");
            return new ThrowawayDeployment(ca, ca.issueServer(LB_NAMES.toArray(String[]::new)), ca.issueServer("app1.hospital.org"),
                    ca.issueServer("app2.hospital.org"), dir, topologyYaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the throwaway deployment into " + dir, e);
        }
    }

    /**
     * Writes another topology into another directory with the same CA and certificates, e.g. an
     * edited copy of the reference.
     *
     * @param topologyYaml the topology's YAML text
     * @param dir an existing directory the caller owns
     * @return the written deployment
     */
    public ThrowawayDeployment rewrite(String topologyYaml, Path dir) {
        Objects.requireNonNull(topologyYaml, "topologyYaml");
        Objects.requireNonNull(dir, "dir");
        try {
            return new ThrowawayDeployment(ca, lb, app1, app2, dir, topologyYaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the throwaway deployment into " + dir, e);
        }
    }

    /** @return the loaded deployment */
    public Deployment deployment() {
        return deployment;
    }

    /** @return the written topology file ({@code topology.yaml} in the directory) */
    public Path topologyFile() {
        return topologyFile;
    }

    /** @return the load balancer's private key file ({@code lb.key}, PKCS#8 PEM) */
    public Path lbKey() {
        return lbKey;
    }

    /** @return the CA that issued every certificate */
    public ThrowawayCa ca() {
        return ca;
    }

    /** @return the load balancer's certificate */
    public ThrowawayCa.Issued lb() {
        return lb;
    }

    /** @return app1.hospital.org's certificate */
    public ThrowawayCa.Issued app1() {
        return app1;
    }

    /** @return app2.hospital.org's certificate */
    public ThrowawayCa.Issued app2() {
        return app2;
    }

    @Override
    public String toString() {
        return "ThrowawayDeployment[" + topologyFile + "]";
    }
}
