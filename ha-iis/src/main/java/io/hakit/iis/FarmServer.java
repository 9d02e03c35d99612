package io.hakit.iis;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One {@code webFarm/server} entry with its {@code applicationRequestRouting} child: the member's
 * address, whether it is online, and the ports ARR forwards to. Defaults are the schema's. Immutable.
 *
 * @param address the server's name or address (the entry's key)
 * @param enabled whether the member is online; schema default {@code true}
 * @param httpPort the port for HTTP forwarding, 1..65535; schema default 80
 * @param httpsPort the port for HTTPS forwarding, 1..65535; schema default 443
 * @param weight the load-balancing weight, 1..4294967295; schema default 100
 */
public record FarmServer(String address, boolean enabled, int httpPort, int httpsPort, long weight) {

    /** Schema default of {@code httpPort}. */
    public static final int DEFAULT_HTTP_PORT = 80;
    /** Schema default of {@code httpsPort}. */
    public static final int DEFAULT_HTTPS_PORT = 443;
    /** Schema default of {@code weight}. */
    public static final long DEFAULT_WEIGHT = 100;

    /**
     * @throws NullPointerException when {@code address} is null
     * @throws IllegalArgumentException naming a value out of the schema's range
     */
    public FarmServer {
        Checks.nonEmpty("server address", address);
        Checks.range("httpPort", httpPort, 1, 65535);
        Checks.range("httpsPort", httpsPort, 1, 65535);
        Checks.range("weight", weight, 1, 4_294_967_295L);
    }

    /**
     * @param address the server's name or address
     * @return a builder with the schema defaults
     */
    public static Builder builder(String address) {
        return new Builder().address(address);
    }

    /** @return a builder holding this entry's values */
    public Builder toBuilder() {
        return new Builder().address(address).enabled(enabled).httpPort(httpPort).httpsPort(httpsPort).weight(weight);
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes
     */
    public FarmServer copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** Builds a {@link FarmServer}; not thread-safe. */
    public static final class Builder {
        private String address;
        private boolean enabled = true;
        private int httpPort = DEFAULT_HTTP_PORT;
        private int httpsPort = DEFAULT_HTTPS_PORT;
        private long weight = DEFAULT_WEIGHT;

        private Builder() {
        }

        /**
         * @param address the server's name or address
         * @return this builder
         */
        public Builder address(String address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * @param enabled whether the member is online; default {@code true}
         * @return this builder
         */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /**
         * @param httpPort the HTTP port; default {@value FarmServer#DEFAULT_HTTP_PORT}
         * @return this builder
         */
        public Builder httpPort(int httpPort) {
            this.httpPort = httpPort;
            return this;
        }

        /**
         * @param httpsPort the HTTPS port; default {@value FarmServer#DEFAULT_HTTPS_PORT}
         * @return this builder
         */
        public Builder httpsPort(int httpsPort) {
            this.httpsPort = httpsPort;
            return this;
        }

        /**
         * @param weight the weight; default {@value FarmServer#DEFAULT_WEIGHT}
         * @return this builder
         */
        public Builder weight(long weight) {
            this.weight = weight;
            return this;
        }

        /**
         * @return the entry
         * @throws IllegalArgumentException naming a value out of range
         */
        public FarmServer build() {
            return new FarmServer(address, enabled, httpPort, httpsPort, weight);
        }
    }
}
