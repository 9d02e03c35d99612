package io.hakit.model.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the shipped JSON Schema honest: it accepts every example and rejects what the loader rejects. */
class TopologySchemaTest {

    static final Path EXAMPLES = Path.of("../examples/topologies");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TopologyLoader.jsonSchema());
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> list = files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(4);
            return list.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleTopologyConformsToTheSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
        assertThat(errors).as(file.toString()).isEmpty();
        TopologyLoader.load(file);
    }

    static final String BASE = "loadBalancer: {vendor: citrix, fqdn: lb.hospital.org, address: 10.0.0.1}\n"
            + "servers: [app1.hospital.org, app2.hospital.org]\n";

    @ParameterizedTest
    @ValueSource(strings = {
        "services: {web-servics: {}}",
        "services: {web-services: {prot: 7002}}",
        "services: {web-services: {port: 70000}}",
        "services: {web-services: {port: 7002, ports: [7002]}}",
        "services: {web-services: {ports: [7002, 7003]}}",
        "services: {web-services: {healthCheck: {interval: 30}}}",
        "services: {web-services: {healthCheck: {interval: soon}}}",
        "services: {web-services: {healthCheck: {path: status}}}",
        "services: {web-services: {healthCheck: {minServers: -1}}}",
        "services: {web-services: {affinity: {type: sticky}}}",
        "services: {web-services: {enabled: yes please}}",
        "services: {hl7: {healthCheck: {path: /}}}",
        "services: {}\nenvironment: staging",
        "services: {}\nbogus: 1",
    })
    void theSchemaAndTheLoaderBothRejectBrokenTopologies(String tail) throws IOException {
        String text = BASE + tail + "\n";
        assertThat(schema.validate(YAML.readTree(text))).as(tail).isNotEmpty();
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, text);
        assertThatThrownBy(() -> TopologyLoader.load(file)).isInstanceOf(TopologyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "services: {web-services: {}, fhir: null, empi: {enabled: false}}",
        "services: {web-services: {port: 8002, lbPort: 8002, url: 'https://lb.hospital.org:8002/psws/api'}}",
        "services: {emergency-search: {ports: [7005, 7006]}, web-services: {healthCheck: {interval: PT30S, timeout: 5s}}}",
        "services: {user-interface: {affinity: {type: source-ip, timeout: 10m}, servers: [app1.hospital.org]}}",
    })
    void theSchemaAndTheLoaderBothAcceptValidTopologies(String tail) throws IOException {
        String text = BASE + tail + "\n";
        assertThat(schema.validate(YAML.readTree(text))).as(tail).isEmpty();
        Path file = dir.resolve("valid.yaml");
        Files.writeString(file, text);
        TopologyLoader.load(file);
    }

    @org.junit.jupiter.api.Test
    void theSchemaIsValidJson() throws IOException {
        JsonNode node = new ObjectMapper().readTree(TopologyLoader.jsonSchema());
        assertThat(node.get("$schema").asText()).contains("2020-12");
    }
}
