package io.hakit.model.spi;

import io.hakit.model.tls.TlsSettings;
import java.net.URI;
import java.util.Objects;

/**
 * A device's management endpoint and credentials, as an {@link AdapterProvider} takes them.
 * Immutable and thread-safe: the password is copied in and out. {@link #toString()} never shows
 * the password.
 */
public final class DeviceTarget {
    private final URI url;
    private final String user;
    private final char[] password;
    private final TlsSettings tls;

    private DeviceTarget(URI url, String user, char[] password, TlsSettings tls) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.tls = tls;
    }

    /**
     * @param url the management base URL, e.g. {@code https://10.0.0.5}
     * @param user the user name, not blank
     * @param password the password (copied)
     * @param tls how to verify the device's certificate
     * @return the target
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the user is blank
     */
    public static DeviceTarget of(URI url, String user, char[] password, TlsSettings tls) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(tls, "tls");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        return new DeviceTarget(url, user, password.clone(), tls);
    }

    /** @return the management base URL */
    public URI url() {
        return url;
    }

    /** @return the user name */
    public String user() {
        return user;
    }

    /** @return a copy of the password; the caller may wipe it */
    public char[] password() {
        return password.clone();
    }

    /** @return how to verify the device's certificate */
    public TlsSettings tls() {
        return tls;
    }

    @Override
    public String toString() {
        return "DeviceTarget[" + url + ", user=" + user + ", password hidden]";
    }
}
