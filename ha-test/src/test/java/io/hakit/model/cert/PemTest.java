package io.hakit.model.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hakit.model.Fixtures;
import io.hakit.test.ThrowawayCa;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    static final ThrowawayCa CA = ThrowawayCa.create("pem test CA");

    @TempDir
    Path dir;

    @Test
    void readsAChainLeafFirst() throws IOException {
        ThrowawayCa.Issued leaf = CA.issueServer("app1.hospital.org");
        Path file = Files.writeString(dir.resolve("app1.pem"), leaf.chainPem());
        CertificateChain chain = Pem.read(file);
        assertThat(chain.certificates()).containsExactly(leaf.certificate(), CA.certificate());
        assertThat(chain.leaf()).isEqualTo(leaf.certificate());
        assertThat(chain.source()).isEqualTo(file.toString());
        assertThat(chain).isEqualTo(leaf.chain());
    }

    @Test
    void skipsPrivateKeysAndNeverKeepsThem() {
        ThrowawayCa.Issued leaf = CA.issueServer("app1.hospital.org");
        // made at test time, never checked in
        CertificateChain chain = Pem.parse(leaf.privateKeyPem() + leaf.chainPem(), "bundle.pem");
        assertThat(chain.certificates()).hasSize(2);
        assertThat(chain.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void textWithNoCertificateIsRefused() {
        assertThatThrownBy(() -> Pem.parse("hello\n", "notes.pem")).isInstanceOf(PemException.class)
                .hasMessage("notes.pem holds no certificate (expected '-----BEGIN CERTIFICATE-----')");
        ThrowawayCa.Issued leaf = CA.issueServer("x.hospital.org");
        assertThatThrownBy(() -> Pem.parse(leaf.privateKeyPem(), "key.pem")).isInstanceOf(PemException.class)
                .hasMessageContaining("key.pem holds no certificate");
    }

    @Test
    void garbageBetweenTheMarkersIsRefused() {
        assertThatThrownBy(() -> Pem.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "bad.pem"))
                .isInstanceOf(PemException.class).hasMessageStartingWith("bad.pem is not a valid PEM file");
    }

    @Test
    void aMissingFileADirectoryAndAHugeFileAreRefusedByName() throws IOException {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> Pem.read(missing)).isInstanceOf(PemException.class)
                .hasMessage(missing + " does not exist");
        assertThatThrownBy(() -> Pem.read(dir)).isInstanceOf(PemException.class)
                .hasMessage(dir + " is a directory, not a PEM file");
        Path huge = Files.write(dir.resolve("huge.pem"), new byte[Pem.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> Pem.read(huge)).isInstanceOf(PemException.class)
                .hasMessageContaining("is larger than " + Pem.MAX_FILE_BYTES + " bytes");
    }

    @Test
    void theReferenceCertificatesRead() {
        CertificateChain lb = Pem.read(Path.of("../examples/topologies/certs/lb.pem"));
        assertThat(lb.certificates()).hasSize(2);
        assertThat(CertificateInspector.covers(lb.leaf(), "patientsecure.hospital.org")).isTrue();
        assertThat(Fixtures.LB_CERT.certificates()).hasSize(1);
    }

    @Test
    void writesCertificatesThatReadBackInOrder() {
        ThrowawayCa.Issued leaf = CA.issueServer("app1.hospital.org");
        String pem = Pem.write(List.of(leaf.certificate(), CA.certificate()));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n")
                .doesNotContain("\r");
        assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 64)
                .anyMatch(l -> l.length() == 64);
        assertThat(Pem.parse(pem, "written").certificates()).containsExactly(leaf.certificate(), CA.certificate());
        assertThat(Pem.write(leaf.certificate())).isEqualTo(Pem.write(List.of(leaf.certificate())));
        assertThat(Pem.write(List.of())).isEmpty();
    }

    @Test
    void writesWindowsLineEndingsWhenAsked() {
        String pem = Pem.write(List.of(CA.certificate()), Pem.CRLF);
        assertThat(pem).isEqualTo(Pem.write(List.of(CA.certificate())).replace("\n", "\r\n"));
        assertThat(Pem.parse(pem, "crlf").leaf()).isEqualTo(CA.certificate());
        assertThatThrownBy(() -> Pem.write(List.of(CA.certificate()), "\r"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineEnding");
    }
}
