/**
 * hakit Citrix ADC: the NITRO client, typed resources and fluent API, the planner and the
 * all-or-nothing applier, the guide's audit, and a stateful NITRO simulator for tests.
 */
module io.hakit.citrix {
    requires transitive io.hakit.model;
    requires transitive io.hakit.health;
    requires io.hakit.rest;
    requires dev.failsafe.core;
    requires org.slf4j;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires transitive com.fasterxml.jackson.databind;
    requires jdk.httpserver;

    exports io.hakit.citrix;
    exports io.hakit.citrix.sim;
}
