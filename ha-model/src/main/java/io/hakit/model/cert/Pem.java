package io.hakit.model.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads PEM certificate chains with Bouncy Castle. Certificates are kept in file order
 * (leaf first); other PEM objects (keys, parameters) are skipped and never kept. Files
 * larger than {@link #MAX_FILE_BYTES} are refused.
 *
 * <p>Thread-safe (stateless).
 */
public final class Pem {

    /** The largest PEM file read: 1 MiB (a chain is a few KiB). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private Pem() {
    }

    /**
     * @param file a PEM file holding one or more certificates
     * @return the chain, leaf first
     * @throws PemException naming the file when it is missing, unreadable, a directory,
     *     too large, not PEM, or holds no certificate
     */
    public static CertificateChain read(Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new PemException(file + " is a directory, not a PEM file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new PemException(file + " does not exist", e);
        } catch (IOException e) {
            throw new PemException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new PemException(file + " is larger than " + MAX_FILE_BYTES + " bytes; it is not a certificate chain");
        }
        return parse(new String(bytes, StandardCharsets.US_ASCII), file.toString());
    }

    /**
     * @param pem PEM text holding one or more certificates
     * @param source what the text is, for messages (a file name)
     * @return the chain, leaf first
     * @throws PemException naming {@code source} when the text is not PEM or holds no certificate
     */
    public static CertificateChain parse(String pem, String source) {
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(source, "source");
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder) {
                    certs.add(converter.getCertificate((X509CertificateHolder) o));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new PemException(source + " is not a valid PEM file: " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new PemException(source + " holds no certificate (expected '-----BEGIN CERTIFICATE-----')");
        }
        return CertificateChain.of(certs, source);
    }
}
