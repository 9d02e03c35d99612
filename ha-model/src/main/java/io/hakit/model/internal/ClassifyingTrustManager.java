package io.hakit.model.internal;

import io.hakit.model.tls.CertificateProblem;
import java.net.Socket;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a server's chain against one or more trust managers (any may accept it), and
 * when none does, says why precisely: expired, not yet valid, or untrusted. Host-name
 * verification is done after the handshake by the HTTP client's host-name verifier,
 * which reports a wrong name as such.
 */
public final class ClassifyingTrustManager extends X509ExtendedTrustManager {

    private final List<X509TrustManager> delegates;
    private final String trustDescription;

    public ClassifyingTrustManager(List<X509TrustManager> delegates, String trustDescription) {
        if (delegates.isEmpty()) {
            throw new IllegalArgumentException("no trust managers");
        }
        this.delegates = List.copyOf(delegates);
        this.trustDescription = trustDescription;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        CertificateException first = null;
        for (X509TrustManager d : delegates) {
            try {
                d.checkServerTrusted(chain, authType);
                return;
            } catch (CertificateException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw classify(chain, first);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client trust manager does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>();
        for (X509TrustManager d : delegates) {
            all.addAll(List.of(d.getAcceptedIssuers()));
        }
        return all.toArray(new X509Certificate[0]);
    }

    private CertificateProblem classify(X509Certificate[] chain, CertificateException cause) {
        X509Certificate leaf = chain.length == 0 ? null : chain[0];
        String who = leaf == null ? "the server's certificate" : "certificate '" + subject(leaf) + "'";
        // a validity problem in the chain is the precise reason, whatever else is wrong
        for (X509Certificate c : chain) {
            String name = c == leaf ? who : "certificate '" + subject(c) + "' in the chain";
            try {
                c.checkValidity();
            } catch (CertificateExpiredException e) {
                return new CertificateProblem(CertificateProblem.Reason.EXPIRED,
                        name + " expired on " + c.getNotAfter().toInstant(), cause);
            } catch (CertificateNotYetValidException e) {
                return new CertificateProblem(CertificateProblem.Reason.NOT_YET_VALID,
                        name + " is not valid until " + c.getNotBefore().toInstant(), cause);
            }
        }
        if (hasReason(cause, CertPathValidatorException.BasicReason.EXPIRED)) {
            return new CertificateProblem(CertificateProblem.Reason.EXPIRED,
                    who + " or an issuer expired (now " + Instant.now() + ")", cause);
        }
        String issuer = leaf == null ? "?" : leaf.getIssuerX500Principal().getName();
        return new CertificateProblem(CertificateProblem.Reason.UNTRUSTED,
                who + " issued by '" + issuer + "' does not chain to a trusted CA (" + trustDescription + ")", cause);
    }

    private static boolean hasReason(Throwable t, CertPathValidatorException.Reason reason) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertPathValidatorException && ((CertPathValidatorException) c).getReason() == reason) {
                return true;
            }
        }
        return false;
    }

    private static String subject(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }
}
