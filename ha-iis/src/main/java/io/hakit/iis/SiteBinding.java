package io.hakit.iis;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code site/bindings/binding} entry of an IIS site, with the certificate HTTP.sys serves on
 * it (HTTPS). The entry's key is {@code protocol} + {@code bindingInformation}
 * ({@code ip:port:host}, e.g. {@code *:7001:}). Immutable.
 *
 * @param site the site's name, e.g. {@code Default Web Site}
 * @param protocol {@code http} or {@code https}
 * @param address the IP address, {@code *} for all
 * @param port the port, 1..65535
 * @param host the host header, empty for any
 * @param sslFlags {@code sslFlags}: 0 IP:port, 1 SNI, 2 central certificate store, ... (0..127)
 * @param certificate the certificate bound to it (HTTPS), if known
 */
public record SiteBinding(String site, String protocol, String address, int port, String host, int sslFlags,
        Optional<CertificateBinding> certificate) {

    /** The site hakit binds: {@value}. */
    public static final String DEFAULT_WEB_SITE = "Default Web Site";
    /** {@code sslFlags} bit: Server Name Indication. */
    public static final int SSL_FLAG_SNI = 1;

    /**
     * @throws NullPointerException naming a null argument
     * @throws IllegalArgumentException naming a bad value
     */
    public SiteBinding {
        Checks.nonEmpty("site", site);
        Objects.requireNonNull(protocol, "protocol");
        protocol = protocol.toLowerCase(Locale.ROOT);
        Checks.nonEmpty("binding address", address);
        Checks.range("binding port", port, 1, 65535);
        Objects.requireNonNull(host, "host");
        Checks.range("sslFlags", sslFlags, 0, 127);
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * @param port the port
     * @return an {@code http} binding on all addresses of the Default Web Site
     */
    public static SiteBinding http(int port) {
        return new SiteBinding(DEFAULT_WEB_SITE, "http", "*", port, "", 0, Optional.empty());
    }

    /**
     * @param port the port
     * @param certificate the certificate to bind, if known
     * @return an {@code https} binding on all addresses of the Default Web Site, {@code sslFlags} 0
     */
    public static SiteBinding https(int port, Optional<CertificateBinding> certificate) {
        return new SiteBinding(DEFAULT_WEB_SITE, "https", "*", port, "", 0, certificate);
    }


    /** @return {@code ip:port:host}, e.g. {@code *:7001:} */
    public String bindingInformation() {
        return address + ":" + port + ":" + host;
    }

    /** @return whether it is an HTTPS binding */
    public boolean secure() {
        return protocol.equals("https");
    }

    /** @return the entry's key, {@code protocol/bindingInformation}, as {@code appcmd list site} shows it */
    public String key() {
        return protocol + "/" + bindingInformation();
    }
}
