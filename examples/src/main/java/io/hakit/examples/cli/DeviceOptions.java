package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.model.topology.Durations;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The options that say which load balancer a command talks to, shared by {@code plan}, {@code apply}
 * and {@code audit}: {@code --vendor}, then {@code --url --user --password-env [--ca]} for a device or
 * {@code --config} for an IIS file.
 */
public final class DeviceOptions {

    /** Where passwords are read from; tests replace it. */
    static volatile Function<String, String> environment = System::getenv;

    @Option(names = "--vendor", required = true, paramLabel = "VENDOR",
            description = "The load balancer: iis, citrix or f5.")
    String vendor;

    @Option(names = "--url", paramLabel = "URL", converter = UrlConverter.class,
            description = "The device's management URL, e.g. https://adc.hospital.org (citrix, f5).")
    URI url;

    @Option(names = "--user", paramLabel = "USER", description = "The management user (citrix, f5).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable that holds the password (never a password on the command line).")
    String passwordEnv;

    @Option(names = "--ca", paramLabel = "PEM",
            description = "Trust the device's management certificate through these CA certificates (default: the platform's).")
    Path ca;

    @Option(names = "--lb-key", paramLabel = "PEM",
            description = "The private key of the topology's load-balancer certificate, uploaded with it when the device lacks it.")
    Path lbKey;

    @Option(names = "--adopt", description = "Take over existing objects with the names hakit needs (marking them as hakit's).")
    boolean adopt;

    @Option(names = "--config", paramLabel = "FILE", description = "The applicationHost.config to plan against (iis).")
    Path config;

    @Option(names = "--allow-plain-http", description = "Allow a plain http:// --url to a device that is not this"
            + " machine (a lab): the password and private key then cross the network unencrypted; a warning is logged.")
    boolean allowPlainHttp;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Connect time-out, e.g. 10s (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--response-timeout", paramLabel = "DURATION", defaultValue = "60s",
            description = "Response time-out per request, e.g. 60s (default: ${DEFAULT-VALUE}).")
    String responseTimeout;

    /**
     * @param save save the configuration after an apply
     * @param syncGroup the device group to sync to after an apply
     * @param dryRun check without changing
     * @return the target, with the password read from the environment
     * @throws IllegalArgumentException naming a missing or bad option
     */
    Target target(boolean save, Optional<String> syncGroup, boolean dryRun) {
        Optional<String> password = Optional.empty();
        if (passwordEnv != null) {
            String value = environment.apply(passwordEnv);
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("--password-env " + passwordEnv
                        + ": that environment variable is not set");
            }
            password = Optional.of(value);
        } else if (user != null) {
            throw new IllegalArgumentException("--user " + user + " needs --password-env VAR (the name of an"
                    + " environment variable holding the password)");
        }
        if (url != null && (url.getScheme() == null || url.getHost() == null
                || !(url.getScheme().equalsIgnoreCase("https") || url.getScheme().equalsIgnoreCase("http")))) {
            throw new IllegalArgumentException("--url " + url + " is not an http(s) URL with a host, e.g. https://adc.hospital.org");
        }
        readable("--ca", ca);
        readable("--lb-key", lbKey);
        if (config != null && Files.isDirectory(config)) {
            throw new IllegalArgumentException("--config " + config + " is a directory, not an applicationHost.config");
        }
        return new Target(Optional.ofNullable(url), Optional.ofNullable(user), password, Optional.ofNullable(ca),
                Optional.ofNullable(lbKey), adopt, save, syncGroup, Optional.ofNullable(config), dryRun,
                duration("--connect-timeout", connectTimeout), duration("--response-timeout", responseTimeout),
                allowPlainHttp);
    }

    private static void readable(String option, Path p) {
        if (p == null) {
            return;
        }
        if (!Files.exists(p)) {
            throw new IllegalArgumentException(option + " " + p + ": no such file");
        }
        if (Files.isDirectory(p)) {
            throw new IllegalArgumentException(option + " " + p + " is a directory, not a PEM file");
        }
        if (!Files.isReadable(p)) {
            throw new IllegalArgumentException(option + " " + p + ": cannot read it (permission denied)");
        }
    }

    /** Parses {@code --url}, naming what is wrong without a Java exception's name. */
    static final class UrlConverter implements picocli.CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return new URI(value);
            } catch (java.net.URISyntaxException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a URL ("
                        + e.getReason() + " at index " + e.getIndex() + "); write e.g. https://adc.hospital.org");
            }
        }
    }

    static Duration duration(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a duration; write e.g. 10s, 500ms or PT10S");
        }
    }
}
