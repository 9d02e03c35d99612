package io.hakit.iis;

import io.hakit.model.Deployment;
import io.hakit.model.topology.TopologyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: the reference IIS topology and hakit's own applicationHost.config files. */
final class Fixtures {

    static final Path REFERENCE = Path.of("..", "examples", "topologies", "reference-iis.yaml");

    private Fixtures() {
    }

    static Deployment reference() {
        return TopologyLoader.load(REFERENCE);
    }

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/iis/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(byte[] bytes) {
        int skip = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        return new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8);
    }

    static Path copy(String resource, Path dir) {
        try {
            Path file = dir.resolve("applicationHost.config");
            Files.write(file, resource(resource));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
