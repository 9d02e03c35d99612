package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.Store.file;
import static io.hakit.citrix.sim.internal.Store.obj;
import static io.hakit.citrix.sim.internal.Store.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Files (systemfile) and the certificates a certkey reads from them. */
class NitroFilesTest {
    private final NitroStore s = new NitroStore();

    @Test
    void anUploadIsListedByDirectoryWithContentOnlyWhenNamed() {
        s.addFile(file("a.pem", "hello"));
        s.addFile(obj(Map.of("filename", "b.txt", "filelocation", "/var/tmp", "filecontent", "eA==")));

        ArrayNode ssl = s.files(Map.of("filelocation", "/nsconfig/ssl"));
        assertThat(ssl).hasSize(1);
        assertThat(ssl.get(0).path("filename").asText()).isEqualTo("a.pem");
        assertThat(ssl.get(0).path("filesize").asText()).isEqualTo("5");
        assertThat(ssl.get(0).has("filecontent")).isFalse();

        JsonNode one = s.files("a.pem", Map.of("filelocation", "/nsconfig/ssl/")).get(0);
        assertThat(one.path("filecontent").asText()).isEqualTo("aGVsbG8=");
        assertThat(one.path("filelocation").asText()).as("as uploaded").isEqualTo("/nsconfig/ssl/");
        assertThat(s.files(Map.of("filelocation", "/var/tmp/")).get(0).path("filelocation").asText())
                .isEqualTo("/var/tmp");
    }

    @Test
    void anUploadDoesNotOverwriteAndADeleteNeedsTheFile() {
        s.addFile(file("a.pem", "hello"));
        JsonNode before = s.snapshot();
        refused(() -> s.addFile(file("a.pem", "other")), 1642, 409,
                "Cannot create output file. File already exists");
        refused(() -> s.addFile(obj(Map.of("filename", "x", "filelocation", "/nsconfig/ssl/", "filecontent", "eA==",
                "fileencoding", "TEXT"))), 1097, 400, "Invalid argument value [fileencoding, TEXT]");
        refused(() -> s.addFile(obj(Map.of("filename", "x", "filelocation", "nsconfig", "filecontent", "eA=="))),
                1097, 400, "Invalid argument value [filelocation, nsconfig]");
        assertThat(s.snapshot()).isEqualTo(before);

        refused(() -> s.deleteFile("b.pem", Map.of("filelocation", "/nsconfig/ssl/")), 258, 404,
                "No such resource [fileName, b.pem]");
        s.deleteFile("a.pem", Map.of("filelocation", "/nsconfig/ssl"));
        assertThat(s.files(Map.of("filelocation", "/nsconfig/ssl/"))).isEmpty();
        refused(() -> s.files("a.pem", Map.of("filelocation", "/nsconfig/ssl/")), 258, 404,
                "No such resource [fileName, a.pem]");
    }

    @Test
    void aCertkeyShowsItsCertificatesDetailsWhileTheFileIsThere() {
        s.addFile(file("c.pem", Store.LEAF.chainPem()));
        s.add("sslcertkey", obj(Map.of("certkey", "ck", "cert", "c.pem")), false);
        JsonNode ck = s.read("sslcertkey", "ck").get(0);
        assertThat(ck.path("subject").asText()).contains("CN=store.test");
        assertThat(ck.path("status").asText()).isEqualTo("Valid");
        assertThat(ck.path("certificatetype").get(0).asText()).isEqualTo("SRVR_CERT");
        assertThat(ck.path("daystoexpiration").isNumber()).isTrue();

        s.deleteFile("c.pem", Map.of("filelocation", "/nsconfig/ssl/"));
        assertThat(s.read("sslcertkey", "ck").get(0).has("subject")).isFalse();
    }

    @Test
    void aBareNameIsInTheSslDirectory() {
        assertThat(CertificateFiles.path("c.pem")).isEqualTo("/nsconfig/ssl/c.pem");
        assertThat(CertificateFiles.path("/etc/c.pem")).isEqualTo("/etc/c.pem");
        assertThat(CertificateFiles.certificate(file("x", "not a certificate"))).isNull();
        assertThat(CertificateFiles.certificate(file("x", Store.LEAF.chainPem()))).isNotNull();
    }
}
