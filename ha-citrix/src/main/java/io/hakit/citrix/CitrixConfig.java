package io.hakit.citrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.citrix.internal.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The NITRO configuration a deployment needs, from {@link CitrixRenderer}: every object and binding in the
 * order they are created, and the certificate files they need under {@code /nsconfig/ssl/}. Private keys
 * are never part of it (they come from {@code --lb-key} at apply time). Immutable and thread-safe.
 *
 * @param marker the ownership marker written into every object's {@code comment}, e.g. {@code hakit:example-hospital}
 * @param objects the objects and bindings, in creation order (servers, monitors, groups, members, monitor
 *     bindings, certificates, virtual servers with backups first, their bindings, certificate bindings)
 * @param files the public certificate files to upload before the certificates are added
 * @param keyFiles the private-key files the certificates need, file name to the certkey that needs it
 */
public record CitrixConfig(String marker, List<NitroObject> objects, List<CertificateFile> files,
        Map<String, String> keyFiles) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where certificate and key files live on the appliance. */
    public static final String SSL_DIRECTORY = "/nsconfig/ssl/";

    /** @throws NullPointerException naming a null argument */
    public CitrixConfig {
        Objects.requireNonNull(marker, "marker");
        objects = List.copyOf(objects);
        files = List.copyOf(files);
        keyFiles = Map.copyOf(keyFiles);
    }

    /**
     * @param type a resource type
     * @return the objects of that type, in order
     */
    public List<NitroObject> of(NitroResource type) {
        return objects.stream().filter(o -> o.type().equals(type.wireName())).collect(Collectors.toList());
    }

    /**
     * @param type a resource type
     * @param name an object's name
     * @return the object, if the configuration has it
     */
    public Optional<NitroObject> find(NitroResource type, String name) {
        return objects.stream().filter(o -> o.type().equals(type.wireName()) && o.name().equals(name)).findFirst();
    }

    /**
     * A public file (a certificate in PEM) to upload with {@code systemfile}.
     *
     * @param name the file name under {@link #SSL_DIRECTORY}
     * @param pem the PEM text
     */
    public record CertificateFile(String name, String pem) {
        /** @throws NullPointerException naming a null argument */
        public CertificateFile {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pem, "pem");
        }
    }

    /**
     * The requests that build this configuration on an empty ADC, as JSON: {@code [{"method":"POST",
     * "path":"/nitro/v1/config/server","body":{"server":{...}}}, ...]}. Files are listed with their PEM
     * base64-encoded; a key file is listed with a placeholder.
     *
     * @return the JSON text
     */
    public String toNitroRequests() {
        ArrayNode list = JSON.createArrayNode();
        for (CertificateFile f : files) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("systemfile").put("filename", f.name()).put("filelocation", SSL_DIRECTORY)
                    .put("filecontent", java.util.Base64.getEncoder().encodeToString(
                            f.pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                    .put("fileencoding", "BASE64");
            list.addObject().put("method", "POST").put("path", "/nitro/v1/config/systemfile").set("body", body);
        }
        for (String key : keyFiles.keySet()) {
            ObjectNode body = JSON.createObjectNode();
            body.putObject("systemfile").put("filename", key).put("filelocation", SSL_DIRECTORY)
                    .put("filecontent", "<base64 of the private key PEM given with --lb-key>")
                    .put("fileencoding", "BASE64");
            list.addObject().put("method", "POST").put("path", "/nitro/v1/config/systemfile").set("body", body);
        }
        for (NitroObject o : objects) {
            boolean update = o.type().equals(NitroResource.SSLSERVICEGROUP.wireName());
            ObjectNode body = JSON.createObjectNode();
            body.set(o.type(), Json.toNode(o.attributes()));
            list.addObject().put("method", update ? "PUT" : "POST").put("path", "/nitro/v1/config/" + o.type())
                    .set("body", body);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the NITRO requests", e);
        }
    }

    /**
     * The same configuration as an ns CLI batch ({@code add server ...}, {@code bind lb vserver ...}), for
     * operators who paste commands or review them.
     *
     * @return the batch text, one command per line
     */
    public String toCliBatch() {
        return io.hakit.citrix.internal.CliBatch.of(this);
    }
}
