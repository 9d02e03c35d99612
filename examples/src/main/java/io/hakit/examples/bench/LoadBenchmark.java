package io.hakit.examples.bench;

import io.hakit.model.ServiceType;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.topology.TopologyLoader;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Loading a topology file from disk (YAML, every catalog service, {@code servers} servers each
 * with its own PEM certificate, a trust CA) and validating it: the whole of {@code hakit validate}
 * but for printing. A file names services by catalog key, so it holds at most the ten catalog
 * services; {@link ValidateBenchmark} measures 1,000 services built in code.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    /** Application servers in the file. */
    @Param({"50"})
    public int servers;

    private Path dir;
    private Path topology;
    private final Validator validator = Validator.standard();

    /** Writes the topology and its certificates to a temporary directory. */
    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("hakit-load-bench");
        ThrowawayCa ca = ThrowawayCa.create("Bench Hospital CA", ThrowawayCa.KeyType.EC, Duration.ofDays(365));
        ThrowawayCa publicCa = ThrowawayCa.create("Bench Public CA", ThrowawayCa.KeyType.EC, Duration.ofDays(365));
        Instant from = Instant.now().minusSeconds(3600);
        Instant to = Instant.now().plus(Duration.ofDays(300));
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        Files.writeString(dir.resolve("lb.pem"), publicCa.issue(c -> c.commonName("patientsecure.hospital.org").dnsNames("patientsecure.hospital.org")
                .validity(from, to))
                .chainPem());
        StringBuilder y = new StringBuilder();
        y.append("name: bench\nenvironment: production\nloadBalancer:\n  vendor: citrix\n")
                .append("  fqdn: patientsecure.hospital.org\n  address: 10.20.0.50\n  certificate: lb.pem\n")
                .append("serverConsole: lb\nservers:\n");
        for (int i = 1; i <= servers; i++) {
            String fqdn = "app" + i + ".hospital.org";
            Files.writeString(dir.resolve("app" + i + ".pem"), ca.issue(c -> c.commonName(fqdn).dnsNames(fqdn)
                    .validity(from, to))
                    .chainPem());
            y.append("  - fqdn: ").append(fqdn).append("\n    certificate: app").append(i).append(".pem\n");
        }
        y.append("trust:\n  ca: ca.pem\nservices:\n");
        for (String key : ServiceType.keys()) {
            y.append("  ").append(key).append(": {}\n");
        }
        topology = dir.resolve("topology.yaml");
        Files.writeString(topology, y.toString());
    }

    /** Removes the temporary directory. */
    @TearDown
    public void tearDown() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the report (returned so the JIT cannot drop the work)
     */
    @Benchmark
    public ValidationReport loadAndValidate() {
        return validator.validate(TopologyLoader.load(topology));
    }
}
