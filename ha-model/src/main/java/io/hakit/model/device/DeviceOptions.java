package io.hakit.model.device;

import io.hakit.model.Retry;
import io.hakit.model.tls.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link DeviceBuilder} was given, handed to the client that connects. The password is copied in and out
 * and never shown by {@link #toString()}.
 *
 * @param url the management URL
 * @param user the user
 * @param password the password (a copy)
 * @param tls whom to trust
 * @param insecureSkipVerify whether certificate and host-name verification are skipped
 * @param allowPlainHttp whether plain HTTP to another machine is allowed
 * @param connectTimeout the connect time-out
 * @param responseTimeout the response time-out
 * @param retry how a request the device did not process is sent again
 */
public record DeviceOptions(URI url, String user, char[] password, TlsSettings tls, boolean insecureSkipVerify,
        boolean allowPlainHttp, Duration connectTimeout, Duration responseTimeout, Retry retry) {

    /** Checks that nothing is missing and copies the password. */
    public DeviceOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = Objects.requireNonNull(password, "password").clone();
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /** @return a copy of the password; the caller wipes it when done */
    @Override
    public char[] password() {
        return password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "DeviceOptions[" + url + ", user=" + user + ", password=(given)" + (insecureSkipVerify ? ", insecure" : "")
                + (allowPlainHttp ? ", plain HTTP allowed" : "") + ", timeouts=" + connectTimeout + "/"
                + responseTimeout + ", " + retry + "]";
    }
}
