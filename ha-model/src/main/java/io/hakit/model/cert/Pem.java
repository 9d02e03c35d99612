package io.hakit.model.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;

/**
 * Reads PEM certificate chains with Bouncy Castle, and writes certificates as PEM text (the one
 * writer every adapter renders with). Certificates are kept in file order (leaf first); other
 * PEM objects (keys, parameters) are skipped and never kept. Files larger than
 * {@link #MAX_FILE_BYTES} are refused.
 *
 * <p>Thread-safe (stateless).
 */
public final class Pem {

    /** The largest PEM file read: 1 MiB (a chain is a few KiB). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The line ending {@link #write(List)} uses: {@code \n}. */
    public static final String LF = "\n";
    /** The Windows line ending, for files Windows tools read: {@code \r\n}. */
    public static final String CRLF = "\r\n";

    private static final int LINE_LENGTH = 64;

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

    /**
     * Writes certificates as PEM text with {@link #LF} line endings: for each, a
     * {@code -----BEGIN CERTIFICATE-----} line, its DER in Base64 at 64 characters a line, and
     * an {@code -----END CERTIFICATE-----} line, in the order given.
     *
     * @param certificates the certificates, e.g. a chain leaf first
     * @return the PEM text (empty for no certificate)
     * @throws PemException naming the subject when a certificate cannot be encoded
     */
    public static String write(List<X509Certificate> certificates) {
        return write(certificates, LF);
    }

    /**
     * Writes certificates as PEM text, like {@link #write(List)}, with the given line ending.
     *
     * @param certificates the certificates, e.g. a chain leaf first
     * @param lineEnding {@link #LF} or {@link #CRLF}
     * @return the PEM text (empty for no certificate)
     * @throws PemException naming the subject when a certificate cannot be encoded
     * @throws IllegalArgumentException when the line ending is neither
     */
    public static String write(List<X509Certificate> certificates, String lineEnding) {
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(lineEnding, "lineEnding");
        if (!lineEnding.equals(LF) && !lineEnding.equals(CRLF)) {
            throw new IllegalArgumentException("lineEnding must be \\n or \\r\\n");
        }
        Base64.Encoder base64 = Base64.getMimeEncoder(LINE_LENGTH, lineEnding.getBytes(StandardCharsets.US_ASCII));
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : certificates) {
            Objects.requireNonNull(c, "certificate");
            try {
                b.append("-----BEGIN CERTIFICATE-----").append(lineEnding)
                        .append(base64.encodeToString(c.getEncoded())).append(lineEnding)
                        .append("-----END CERTIFICATE-----").append(lineEnding);
            } catch (CertificateEncodingException e) {
                throw new PemException("certificate " + c.getSubjectX500Principal().getName()
                        + " cannot be encoded: " + e.getMessage(), e);
            }
        }
        return b.toString();
    }

    /**
     * Writes one certificate as PEM text with {@link #LF} line endings.
     *
     * @param certificate the certificate
     * @return the PEM text
     * @throws PemException naming the subject when it cannot be encoded
     */
    public static String write(X509Certificate certificate) {
        return write(List.of(Objects.requireNonNull(certificate, "certificate")));
    }
}
