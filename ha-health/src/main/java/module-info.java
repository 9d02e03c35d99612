/**
 * hakit health: HTTP(S) health probes and monitors run the way load balancers run them,
 * vendor monitor mappings, and deployment verification (which layer is at fault).
 */
module io.hakit.health {
    requires transitive io.hakit.model;
    requires org.slf4j;
    requires dev.failsafe.core;
    requires transitive micrometer.core;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires org.apache.httpcomponents.core5.httpcore5.h2;

    exports io.hakit.health;
    exports io.hakit.health.event;
    exports io.hakit.health.drill;
    exports io.hakit.health.vendor;
}
