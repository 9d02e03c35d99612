package io.hakit.examples.cli.vendor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a command reaches a load balancer: the device's URL and credentials (Citrix, F5) or
 * the configuration file (IIS), and the options of {@code plan}, {@code apply} and {@code audit}.
 * The password never appears in {@link #toString()}.
 *
 * @param url the management URL ({@code --url}), for devices
 * @param user the user ({@code --user})
 * @param password the password read from {@code --password-env}
 * @param ca the CA PEM that signed the device's management certificate ({@code --ca}); platform trust otherwise
 * @param lbKey the load balancer certificate's private key ({@code --lb-key}), uploaded with the certificate
 * @param adopt take over foreign objects with names hakit needs ({@code --adopt})
 * @param save save the running configuration after a successful apply ({@code --save})
 * @param syncGroup the device group to config-sync after an apply ({@code --sync-group}, F5)
 * @param config the {@code applicationHost.config} to plan against or merge into ({@code --config}, IIS)
 * @param dryRun check the plan on the device without changing it ({@code --dry-run})
 * @param connectTimeout the connect time-out
 * @param responseTimeout the response time-out
 * @param allowPlainHttp allow a plain {@code http://} URL to a device that is not this machine
 *     ({@code --allow-plain-http})
 */
public record Target(Optional<URI> url, Optional<String> user, Optional<String> password, Optional<Path> ca,
        Optional<Path> lbKey, boolean adopt, boolean save, Optional<String> syncGroup, Optional<Path> config,
        boolean dryRun, Duration connectTimeout, Duration responseTimeout, boolean allowPlainHttp) {

    /** @throws NullPointerException naming a null argument */
    public Target {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(lbKey, "lbKey");
        Objects.requireNonNull(syncGroup, "syncGroup");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /**
     * A target that refuses plain {@code http://} to another machine.
     *
     * @param url the device URL
     * @param user the management user
     * @param password the password
     * @param ca the CA PEM
     * @param lbKey the LB key PEM
     * @param adopt take over existing objects
     * @param save save after apply
     * @param syncGroup the device group to sync
     * @param config the applicationHost.config
     * @param dryRun check without changing
     * @param connectTimeout the connect time-out
     * @param responseTimeout the response time-out
     */
    public Target(Optional<URI> url, Optional<String> user, Optional<String> password, Optional<Path> ca,
            Optional<Path> lbKey, boolean adopt, boolean save, Optional<String> syncGroup, Optional<Path> config,
            boolean dryRun, Duration connectTimeout, Duration responseTimeout) {
        this(url, user, password, ca, lbKey, adopt, save, syncGroup, config, dryRun, connectTimeout, responseTimeout,
                false);
    }

    /**
     * @param vendor the vendor key, for the message
     * @return the URL
     * @throws IllegalArgumentException when {@code --url} was not given
     */
    public URI requireUrl(String vendor) {
        return url.orElseThrow(() -> new IllegalArgumentException("--vendor " + vendor + " needs --url"));
    }

    /**
     * @param vendor the vendor key, for the message
     * @return the user
     * @throws IllegalArgumentException when {@code --user} was not given
     */
    public String requireUser(String vendor) {
        return user.orElseThrow(() -> new IllegalArgumentException("--vendor " + vendor + " needs --user"));
    }

    /**
     * @param vendor the vendor key, for the message
     * @return the password
     * @throws IllegalArgumentException when {@code --password-env} was not given
     */
    public String requirePassword(String vendor) {
        return password.orElseThrow(() -> new IllegalArgumentException("--vendor " + vendor
                + " needs --password-env VAR (the name of an environment variable holding the password)"));
    }

    /**
     * @param vendor the vendor key, for the message
     * @return the configuration file
     * @throws IllegalArgumentException when {@code --config} was not given
     */
    public Path requireConfig(String vendor) {
        return config.orElseThrow(() -> new IllegalArgumentException("--vendor " + vendor
                + " needs --config applicationHost.config"));
    }

    @Override
    public String toString() {
        return "Target[url=" + url.map(URI::toString).orElse("-") + ", user=" + user.orElse("-") + ", password="
                + (password.isPresent() ? "(set)" : "-") + ", config=" + config.map(Path::toString).orElse("-")
                + ", adopt=" + adopt + ", save=" + save + ", dryRun=" + dryRun + "]";
    }
}
