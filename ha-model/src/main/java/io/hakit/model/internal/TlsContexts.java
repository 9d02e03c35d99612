package io.hakit.model.internal;

import io.hakit.model.tls.TlsSettings;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the client {@link SSLContext} probes use from {@link TlsSettings}. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * @param settings the TLS settings
     * @return a context whose trust manager reports certificate problems precisely
     * @throws IllegalArgumentException when the key or trust material cannot be used
     */
    public static SSLContext clientContext(TlsSettings settings) {
        try {
            List<X509TrustManager> delegates = new ArrayList<>();
            List<String> described = new ArrayList<>();
            if (!settings.trustedCertificates().isEmpty() || !settings.trustStores().isEmpty()) {
                KeyStore merged = KeyStore.getInstance("PKCS12");
                merged.load(null, null);
                int i = 0;
                for (X509Certificate c : settings.trustedCertificates()) {
                    merged.setCertificateEntry("pem-" + i++, c);
                }
                for (KeyStore ks : settings.trustStores()) {
                    for (String alias : java.util.Collections.list(ks.aliases())) {
                        if (ks.isCertificateEntry(alias)) {
                            merged.setCertificateEntry("store-" + i++, ks.getCertificate(alias));
                        }
                    }
                }
                if (i == 0) {
                    throw new IllegalArgumentException("the trust stores given hold no trusted certificates");
                }
                delegates.add(trustManager(merged));
                described.add(i + " configured CA certificate(s)");
            }
            if (settings.platformTrust()) {
                delegates.add(trustManager(null));
                described.add("the platform trust store");
            }
            KeyManager[] keyManagers = null;
            if (settings.clientKeyStore().isPresent()) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] pw = settings.clientKeyPassword().orElseThrow();
                try {
                    kmf.init(settings.clientKeyStore().get(), pw);
                } finally {
                    Arrays.fill(pw, '\0');
                }
                keyManagers = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers, new TrustManager[] {new ClassifyingTrustManager(delegates, String.join(" and ", described))},
                    new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager) {
                return (X509TrustManager) tm;
            }
        }
        throw new GeneralSecurityException("no X509TrustManager available");
    }
}
