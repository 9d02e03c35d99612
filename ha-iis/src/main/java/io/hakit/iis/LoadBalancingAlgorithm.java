package io.hakit.iis;


/**
 * {@code applicationRequestRouting/loadBalancing/@algorithm}, as ARR's schema names the values.
 * The schema default is {@link #WEIGHTED_ROUND_ROBIN}; ARR 3.0 treats the three values it no
 * longer supports as the default.
 */
public enum LoadBalancingAlgorithm {
    /** {@code WeightedRoundRobin}, the default. */
    WEIGHTED_ROUND_ROBIN("WeightedRoundRobin"),
    /** {@code LeastRequests} (no longer supported by ARR 3.0). */
    LEAST_REQUESTS("LeastRequests"),
    /** {@code LeastResponseTime} (no longer supported by ARR 3.0). */
    LEAST_RESPONSE_TIME("LeastResponseTime"),
    /** {@code WeightedTotalTraffic} (no longer supported by ARR 3.0). */
    WEIGHTED_TOTAL_TRAFFIC("WeightedTotalTraffic"),
    /** {@code RequestHash}. */
    REQUEST_HASH("RequestHash");

    private final String value;

    LoadBalancingAlgorithm(String value) {
        this.value = value;
    }

    /** @return the value as written in applicationHost.config, e.g. {@code WeightedRoundRobin} */
    public String value() {
        return value;
    }

    /**
     * @param text a value as written (case-insensitive, as IIS reads enums)
     * @return the algorithm
     * @throws IllegalArgumentException naming the text and the valid values
     */
    public static LoadBalancingAlgorithm of(String text) {
        for (LoadBalancingAlgorithm a : values()) {
            if (a.value.equalsIgnoreCase(text.strip())) {
                return a;
            }
        }
        throw new IllegalArgumentException("algorithm '" + text + "' is not one of WeightedRoundRobin, RequestHash, "
                + "LeastRequests, LeastResponseTime, WeightedTotalTraffic");
    }

    @Override
    public String toString() {
        return value;
    }
}
