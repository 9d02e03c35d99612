package io.hakit.model.device;

import io.hakit.model.Retry;
import io.hakit.model.cert.Pem;
import io.hakit.model.tls.TlsSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The options by which a builder reaches a device's management API, the same on every device client and adapter
 * ({@code NitroClient}, {@code IControlClient}, {@code CitrixAdapter}, {@code F5Adapter}): the URL, the
 * credentials, whom to trust, time-outs, how a request the device did not process is retried, and the two
 * lab-only switches. An adapter's builder hands its options to its client's builder with
 * {@link #copyDeviceOptionsTo(DeviceBuilder)}, so each option is written once. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by every option for chaining
 */
public abstract class DeviceBuilder<B extends DeviceBuilder<B>> {
    private URI url;
    private String user;
    private char[] password;
    private TlsSettings tls = TlsSettings.defaults();
    private boolean insecureSkipVerify;
    private boolean allowPlainHttp;
    private Duration connectTimeout;
    private Duration responseTimeout;
    private Retry retry;

    /**
     * @param connectTimeout the connect time-out when none is given
     * @param responseTimeout the response time-out when none is given
     * @param retry how a request the device did not process is sent again when nothing is given
     */
    protected DeviceBuilder(Duration connectTimeout, Duration responseTimeout, Retry retry) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.responseTimeout = positive(responseTimeout, "responseTimeout");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    /**
     * @param url the management URL, {@code https://host[:port]} (required; {@code http} only to this machine
     *     unless {@link #allowPlainHttp(boolean)})
     * @return this builder
     * @throws IllegalArgumentException when the URL is not http(s) or has no host
     */
    public B url(URI url) {
        Objects.requireNonNull(url, "url");
        if (!"https".equalsIgnoreCase(url.getScheme()) && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("url must be https://host[:port], not " + url);
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("url has no host: " + url);
        }
        this.url = url;
        return self();
    }

    /**
     * @param url the management URL as text
     * @return this builder
     * @throws IllegalArgumentException when it is no URL, not http(s) or has no host
     */
    public B url(String url) {
        return url(URI.create(Objects.requireNonNull(url, "url")));
    }

    /**
     * @param user the user name (required)
     * @param password its password (copied; never logged or shown)
     * @return this builder
     */
    public B credentials(String user, char[] password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password").clone();
        return self();
    }

    /**
     * @param user the user name (required)
     * @param password its password (never logged or shown)
     * @return this builder
     */
    public B credentials(String user, String password) {
        return credentials(user, Objects.requireNonNull(password, "password").toCharArray());
    }

    /**
     * @param tls whom to trust for the management certificate; default the platform's trust store
     * @return this builder
     */
    public B tls(TlsSettings tls) {
        this.tls = Objects.requireNonNull(tls, "tls");
        return self();
    }

    /**
     * @param caPem a PEM file with the CA that signed the management certificate
     * @return this builder
     * @throws io.hakit.model.cert.PemException when the file cannot be read
     */
    public B ca(Path caPem) {
        return tls(TlsSettings.builder().trust(Pem.read(caPem)).build());
    }

    /**
     * Skips certificate and host-name verification. Only for lab devices; logs a warning.
     *
     * @param insecure whether to skip verification; default false
     * @return this builder
     */
    public B insecureSkipVerify(boolean insecure) {
        this.insecureSkipVerify = insecure;
        return self();
    }

    /**
     * @param allow whether plain {@code http://} to a device that is not this machine is allowed (the password
     *     and private keys cross the network unencrypted; a warning is logged every time); default false: refused
     * @return this builder
     */
    public B allowPlainHttp(boolean allow) {
        this.allowPlainHttp = allow;
        return self();
    }

    /**
     * @param connect TCP connect (and TLS handshake) time-out, positive
     * @param response how long to wait for an answer, positive
     * @return this builder
     */
    public B timeouts(Duration connect, Duration response) {
        Duration c = positive(connect, "connectTimeout");
        this.responseTimeout = positive(response, "responseTimeout");
        this.connectTimeout = c;
        return self();
    }

    /**
     * @param connectTimeout TCP connect (and TLS handshake) time-out, positive
     * @return this builder
     */
    public B connectTimeout(Duration connectTimeout) {
        return timeouts(connectTimeout, responseTimeout);
    }

    /**
     * @param responseTimeout how long to wait for an answer, positive
     * @return this builder
     */
    public B responseTimeout(Duration responseTimeout) {
        return timeouts(connectTimeout, responseTimeout);
    }

    /**
     * @param retry how a request the device did not process (HTTP 503, busy) is sent again
     * @return this builder
     */
    public B retry(Retry retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return self();
    }

    /**
     * Gives every option set here to another builder, as if it had been set there (the password copied).
     *
     * @param target the builder that will connect, e.g. an adapter's client builder
     */
    protected final void copyDeviceOptionsTo(DeviceBuilder<?> target) {
        target.url = url;
        target.user = user;
        target.password = password == null ? null : password.clone();
        target.tls = tls;
        target.insecureSkipVerify = insecureSkipVerify;
        target.allowPlainHttp = allowPlainHttp;
        target.connectTimeout = connectTimeout;
        target.responseTimeout = responseTimeout;
        target.retry = retry;
    }

    /**
     * @throws NullPointerException naming {@code url} or {@code credentials} when one was not given
     */
    protected final void requireUrlAndCredentials() {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "credentials");
    }

    /** @return whether a URL was given */
    protected final boolean hasUrl() {
        return url != null;
    }

    /** @return the retry of requests the device did not process, as set so far */
    protected final Retry deviceRetry() {
        return retry;
    }

    /**
     * @return the options set so far, for the client that connects
     * @throws NullPointerException naming {@code url} or {@code credentials} when one was not given
     */
    protected final DeviceOptions deviceOptions() {
        requireUrlAndCredentials();
        return new DeviceOptions(url, user, password, tls, insecureSkipVerify, allowPlainHttp, connectTimeout,
                responseTimeout, retry);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, not " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + url + ", user=" + user + (password == null ? "" : ", password=(given)")
                + "]";
    }
}
