package io.hakit.health;

/**
 * What a probe found. Exactly one outcome is a success; every other names which part of
 * the exchange failed, so a report can say which layer is at fault: name resolution, TCP,
 * TLS, or the application's HTTP answer.
 */
public enum ProbeOutcome {
    /** The status was acceptable and the body contained the response match (if any). */
    SUCCESS(Layer.HTTP),
    /** The server answered with a status outside the acceptable set. */
    STATUS_MISMATCH(Layer.HTTP),
    /** The status was acceptable but the body did not contain the response match (case-sensitive). */
    RESPONSE_MISMATCH(Layer.HTTP),
    /** No complete response arrived within the health test's time-out, after the connection was made. */
    RESPONSE_TIMEOUT(Layer.HTTP),
    /** The answer was not valid HTTP. */
    PROTOCOL_ERROR(Layer.HTTP),
    /** The host name did not resolve. */
    UNRESOLVED(Layer.NETWORK),
    /** The TCP connection (or TLS handshake) did not complete within the connect time-out. */
    CONNECT_TIMEOUT(Layer.NETWORK),
    /** The server refused the connection (nothing listens on the port). */
    CONNECTION_REFUSED(Layer.NETWORK),
    /** The server reset or closed the connection before a complete response. */
    CONNECTION_RESET(Layer.NETWORK),
    /** Another I/O failure. */
    IO_ERROR(Layer.NETWORK),
    /** The server's certificate does not chain to a trusted CA. */
    CERTIFICATE_UNTRUSTED(Layer.TLS),
    /** The server's certificate (or one in its chain) has expired. */
    CERTIFICATE_EXPIRED(Layer.TLS),
    /** The server's certificate (or one in its chain) is not valid yet. */
    CERTIFICATE_NOT_YET_VALID(Layer.TLS),
    /** The server's certificate does not name the host probed. */
    CERTIFICATE_WRONG_NAME(Layer.TLS),
    /** The TLS handshake failed for another reason (protocol, cipher, client certificate). */
    TLS_HANDSHAKE_FAILED(Layer.TLS),
    /** The probe was cancelled (for example by a monitor shutting down). */
    CANCELLED(Layer.NETWORK);

    /** The layer of the exchange an outcome belongs to. */
    public enum Layer {
        /** Name resolution and TCP. */
        NETWORK,
        /** The TLS handshake and certificate checks. */
        TLS,
        /** The HTTP request and response. */
        HTTP
    }

    private final Layer layer;

    ProbeOutcome(Layer layer) {
        this.layer = layer;
    }

    /** @return whether this is {@link #SUCCESS} */
    public boolean isSuccess() {
        return this == SUCCESS;
    }

    /** @return the layer this outcome belongs to */
    public Layer layer() {
        return layer;
    }

    /** @return whether this is a certificate problem */
    public boolean isCertificateProblem() {
        return this == CERTIFICATE_UNTRUSTED || this == CERTIFICATE_EXPIRED || this == CERTIFICATE_NOT_YET_VALID
                || this == CERTIFICATE_WRONG_NAME;
    }
}
