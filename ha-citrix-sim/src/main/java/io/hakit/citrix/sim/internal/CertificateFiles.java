package io.hakit.citrix.sim.internal;

import static io.hakit.citrix.sim.internal.NitroValues.F;
import static io.hakit.citrix.sim.internal.NitroValues.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Certificate files as an sslcertkey sees them: where a bare file name lives ({@value #SSL_DIR}),
 * the X.509 certificate an uploaded file holds, and the details NITRO shows on an sslcertkey GET
 * (subject, issuer, serial, dates, days to expiration, status, type). Stateless.
 */
final class CertificateFiles {
    /** the default directory of certificate and key files */
    static final String SSL_DIR = "/nsconfig/ssl/";
    private static final DateTimeFormatter CERT_DATE =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CertificateFiles() {
    }

    /** @return the full path of a certkey's {@code cert} or {@code key}: a bare name is in {@value #SSL_DIR} */
    static String path(String nameOrPath) {
        return nameOrPath.startsWith("/") ? nameOrPath : SSL_DIR + nameOrPath;
    }

    /** @return the first certificate of an uploaded file (PEM or DER), or {@code null} when it holds none */
    static X509Certificate certificate(ObjectNode file) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text(file, "filecontent"));
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /**
     * Adds what NITRO shows of a certkey's certificate to its rendering; nothing when the file is
     * gone or holds no certificate.
     *
     * @param rendered the certkey as shown
     * @param file the uploaded file its {@code cert} names, or {@code null}
     */
    static void describe(ObjectNode rendered, ObjectNode file) {
        X509Certificate c = file == null ? null : certificate(file);
        if (c == null) {
            return;
        }
        Instant now = Instant.now();
        rendered.put("subject", c.getSubjectX500Principal().getName());
        rendered.put("issuer", c.getIssuerX500Principal().getName());
        rendered.put("serial", c.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
        rendered.put("clientcertnotbefore", CERT_DATE.format(c.getNotBefore().toInstant()));
        rendered.put("clientcertnotafter", CERT_DATE.format(c.getNotAfter().toInstant()));
        long days = Duration.between(now, c.getNotAfter().toInstant()).toDays();
        rendered.put("daystoexpiration", Math.max(0, days));
        rendered.put("status", c.getNotAfter().toInstant().isBefore(now) ? "Expired" : "Valid");
        rendered.set("certificatetype", c.getBasicConstraints() >= 0
                ? F.arrayNode().add("ROOT_CERT") : F.arrayNode().add("SRVR_CERT"));
    }
}
