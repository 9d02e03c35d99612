package io.hakit.f5.as3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hakit.model.Deployment;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.topology.TopologyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rendered declaration validates against F5's AS3 schema; the test fails (never skips) without it. */
class As3RendererTest {

    static final Path SCHEMA = Path.of("../../shared/schemas/f5/as3-schema-3.56.0.json");
    static final ObjectMapper JSON = new ObjectMapper();
    static JsonSchema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = Files.exists(SCHEMA) ? SCHEMA : Path.of("../shared/schemas/f5/as3-schema-3.56.0.json");
        assertThat(file).as("F5's AS3 schema must be at ../shared/schemas/f5/ beside the repository").exists();
        try (InputStream in = Files.newInputStream(file)) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private Deployment deployment(String yaml) throws IOException {
        ThrowawayCa ca = ThrowawayCa.create("AS3 Test CA");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("lb.pem"), ca.issueServer("patientsecure.hospital.org").chainPem());
        Files.writeString(certs.resolve("app1.pem"), ca.issueServer("app1.hospital.org").chainPem());
        Files.writeString(certs.resolve("app2.pem"), ca.issueServer("app2.hospital.org").chainPem());
        Files.writeString(certs.resolve("hospital-ca.pem"), ca.certificatePem());
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, yaml);
        return TopologyLoader.load(file);
    }

    private static String reference() throws IOException {
        return Files.readString(Path.of("../examples/topologies/reference-f5.yaml"));
    }

    private static Set<ValidationMessage> validate(JsonNode declaration) {
        return schema.validate(declaration);
    }

    @Test
    void theReferenceDeclarationValidatesAgainstTheAs3Schema() throws IOException {
        ObjectNode request = As3Renderer.create().render(deployment(reference())).json();
        assertThat(validate(request)).isEmpty();
        JsonNode app = request.path("declaration").path(As3Renderer.TENANT).path(As3Renderer.APPLICATION);
        assertThat(app.path("tcp_1860").path("idleTimeout").asInt()).isEqualTo(1860);
        assertThat(app.path("hl7_2244_vs").path("class").asText()).isEqualTo("Service_TCP");
        assertThat(app.path("hl7_2244_vs").path("virtualAddresses").get(0).asText()).isEqualTo("10.20.0.51");
        assertThat(app.path("hl7_2244_pool").path("minimumMembersActive").asInt()).isEqualTo(1);
        assertThat(app.path("hl7_2244_pool").path("members").get(0).path("priorityGroup").asInt())
                .isGreaterThan(app.path("hl7_2244_pool").path("members").get(1).path("priorityGroup").asInt());
        assertThat(app.path("web_services_7002_vs").path("class").asText()).isEqualTo("Service_HTTPS");
        assertThat(app.path("lb_cert").path("privateKey").path("bigip").asText()).isEqualTo("/Common/ps-lb.key");
        assertThat(request.toString()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void aDeclarationWithoutHl7AddressOrOptionalServicesAlsoValidates() throws IOException {
        String yaml = reference().replace("  hl7Address: 10.20.0.51\n", "").replace("  fhir: {}", "  fhir: { enabled: false }");
        ObjectNode request = As3Renderer.create().render(deployment(yaml)).json();
        assertThat(validate(request)).isEmpty();
    }

    @Test
    void theSchemaCatchesABrokenDeclaration() throws IOException {
        ObjectNode request = As3Renderer.create().render(deployment(reference())).json();
        ((ObjectNode) request.path("declaration").path(As3Renderer.TENANT).path(As3Renderer.APPLICATION)
                .path("hl7_2244_pool")).put("minimumMembersActive", 70000);
        assertThat(validate(request)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("minimumMembersActive") && m.contains("65535"));
    }

    @Test
    void theDeclarationIsAValueThatCallersCannotChange() throws IOException {
        As3Declaration declaration = As3Renderer.create().render(deployment(reference()));
        String before = declaration.toPrettyString();
        declaration.json().put("action", "remove");
        ((ObjectNode) declaration.json().path("declaration")).remove(As3Renderer.TENANT);
        assertThat(declaration.toPrettyString()).isEqualTo(before);
        assertThat(declaration.json().path("action").asText()).isEqualTo("deploy");
        assertThat(declaration.json().toPrettyString()).isEqualTo(before);
    }
}
