package io.hakit.rest.internal;

import io.hakit.model.TimeoutException;
import io.hakit.model.TransportException;
import io.hakit.model.tls.CertificateProblem;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;

/**
 * Turns what HttpClient throws into the one {@link TransportException} wording both device clients use:
 * naming the host, the request (its path redacted), and, for time-outs, which one fired as a
 * {@link TimeoutException.Kind}.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * @param e what HttpClient threw
     * @param host the device's {@code host[:port]}
     * @param hostName the device's host name alone
     * @param what the request, e.g. {@code GET /nitro/v1/config/lbvserver} (already redacted)
     * @param connect the connect time-out
     * @param response the response time-out
     * @param caGiven whether the caller named whom to trust (a CA or trust store), so advice to pass one is wrong
     * @return the exception to throw; for an interrupt, the thread's interrupt flag is set again
     */
    public static TransportException map(IOException e, String host, String hostName, String what, Duration connect,
            Duration response, boolean caGiven) {
        if (e instanceof ConnectTimeoutException) {
            return new TimeoutException(TimeoutException.Kind.CONNECT, connect, "connect time-out (" + human(connect)
                    + ") fired connecting to " + host + " for " + what, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TimeoutException(TimeoutException.Kind.RESPONSE, response, "response time-out ("
                    + human(response) + ") fired waiting for " + host + " to answer " + what, e);
        }
        if (e instanceof UnknownHostException) {
            return new TransportException("cannot resolve " + hostName + " for " + what + ": unknown host", e);
        }
        if (e instanceof ConnectException) {
            return new TransportException("cannot connect to " + host + " (" + root(e) + ") for " + what, e);
        }
        if (e instanceof SSLPeerUnverifiedException) {
            return new TransportException("TLS: " + host + " presented a certificate that does not name " + hostName
                    + ": the host name does not match (" + e.getMessage() + ")", e);
        }
        if (e instanceof SSLHandshakeException) {
            return tls(e, host, caGiven);
        }
        if (e instanceof SSLException) {
            return new TransportException("TLS with " + host + " failed: " + root(e), e);
        }
        if (e instanceof NoHttpResponseException) {
            return new TransportException(host + " closed the connection without answering " + what, e);
        }
        if (e instanceof InterruptedIOException) {
            Thread.currentThread().interrupt();
            return new TransportException("interrupted waiting for " + host + " to answer " + what, e);
        }
        if (e instanceof SocketException && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT)
                .contains("reset")) {
            return new TransportException(host + " reset the connection during " + what, e);
        }
        return new TransportException("I/O error talking to " + host + " for " + what + ": " + root(e), e);
    }

    private static TransportException tls(IOException e, String host, boolean caGiven) {
        CertificateProblem p = CertificateProblem.in(e);
        if (p != null && p.reason() == CertificateProblem.Reason.EXPIRED) {
            return new TransportException("TLS: " + host + " presented a certificate that has expired ("
                    + p.getMessage() + "); renew the device's certificate (or check this machine's clock)", e);
        }
        if (p != null && p.reason() == CertificateProblem.Reason.NOT_YET_VALID) {
            return new TransportException("TLS: " + host + " presented a certificate that is not yet valid ("
                    + p.getMessage() + "); check the clocks of this machine and the device", e);
        }
        String detail = p != null ? p.getMessage() : root(e);
        String advice = caGiven ? "it is not signed by the CA you gave (--ca / TlsSettings); give the CA that signed it"
                : "pass the CA that signed it (--ca PEM / TlsSettings)";
        return new TransportException("TLS: " + host + " presented a certificate that is not trusted (" + detail
                + "); " + advice, e);
    }

    /**
     * @param t any exception
     * @return the message of its deepest cause, or that cause's class name
     */
    public static String root(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    /**
     * @param d a duration
     * @return it as people write it: {@code 10 s} or {@code 300 ms}
     */
    public static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
