package io.hakit.model.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hakit.model.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads topology files (YAML or JSON, the same keys; DESIGN.md "The topology file") into a
 * {@link Deployment}. Strict: an unknown key is an error that suggests the nearest valid
 * one, a wrong type names the key and what was expected, and every error names the file,
 * line and column. Certificate paths are read relative to the file.
 *
 * <p>Rules of the guide are not checked here: a file that loads may still break them,
 * and {@code Validator} reports that. The one exception is a malformed status-code range,
 * which becomes a finding (HC-004) on the deployment rather than a load failure.
 *
 * <p>Thread-safe (stateless).
 */
public final class TopologyLoader {

    /** The largest topology file read: 4 MiB. */
    public static final int MAX_FILE_BYTES = 4 << 20;

    private TopologyLoader() {
    }

    /**
     * Loads a topology file. Files ending in {@code .json} are read as JSON, others as YAML.
     *
     * @param file the topology file
     * @return the deployment
     * @throws TopologyException naming the file (and line and key) when it is missing, a
     *     directory, empty, larger than {@link #MAX_FILE_BYTES}, not valid YAML/JSON, or
     *     holds a key or value hakit cannot take, or a certificate it names cannot be read
     */
    public static Deployment load(Path file) {
        Objects.requireNonNull(file, "file");
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new TopologyException(name, 0, 0, "", "is a directory, not a topology file", null);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new TopologyException(name, 0, 0, "", "no such file", e);
        } catch (IOException e) {
            throw new TopologyException(name, 0, 0, "", "cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new TopologyException(name, 0, 0, "",
                    "is larger than " + (MAX_FILE_BYTES >> 20) + " MiB; a topology file is a few KiB", null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TopologyException(name, 0, 0, "", "is not UTF-8 text", e);
        }
        Format format = name.toLowerCase(Locale.ROOT).endsWith(".json") ? Format.JSON : Format.YAML;
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, format, name, dir);
    }

    /**
     * The JSON Schema (draft 2020-12) of the topology file, for editors to complete and
     * check topologies with. It accepts what this loader accepts, key for key.
     *
     * @return the schema's text
     */
    public static String jsonSchema() {
        try (InputStream in = Deployment.class.getResourceAsStream("topology.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("topology.schema.json is missing from the ha-model jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("topology.schema.json cannot be read from the ha-model jar", e);
        }
    }

    /** The syntax of a topology text. */
    public enum Format {
        /** YAML 1.1 (a superset of JSON for topology purposes). */
        YAML,
        /** JSON. */
        JSON
    }

    /**
     * Parses topology text.
     *
     * @param text the file's content
     * @param format YAML or JSON
     * @param source the file name, for messages
     * @param baseDir where relative certificate paths start
     * @return the deployment
     * @throws TopologyException naming source, line and key on any problem
     */
    public static Deployment parse(String text, Format format, String source, Path baseDir) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDir, "baseDir");
        if (text.isBlank()) {
            throw new TopologyException(source, 0, 0, "", "is empty; a topology needs at least loadBalancer, servers "
                    + "and services", null);
        }
        JsonFactory factory = format == Format.JSON ? new JsonFactory() : new YAMLFactory();
        factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxStringLength(MAX_FILE_BYTES).build());
        ObjectMapper mapper = new ObjectMapper(factory);
        Map<String, JsonLocation> locations = new HashMap<>();
        JsonNode root;
        try {
            try (JsonParser p = factory.createParser(text)) {
                TopologyIndex.index(p, source, locations);
            }
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String problem = syntaxProblem(e.getOriginalMessage());
            throw new TopologyException(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "not valid " + format + ": " + problem, e);
        } catch (IOException e) {
            throw new TopologyException(source, 0, 0, "", "cannot be parsed: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new TopologyException(source, 0, 0, "", "is empty; a topology needs at least loadBalancer, servers "
                    + "and services", null);
        }
        return new TopologyReader(source, baseDir, locations).deployment(root);
    }

    /** The parser's message without its echo of the source and caret lines. */
    private static String syntaxProblem(String message) {
        List<String> parts = new ArrayList<>();
        for (String line : message.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("^") || l.startsWith("in 'reader'") || l.startsWith("at [Source")) {
                continue;
            }
            parts.add(l.replaceAll("\\s*in 'reader', line \\d+, column \\d+:?", "").strip());
        }
        return String.join("; ", parts);
    }

}
