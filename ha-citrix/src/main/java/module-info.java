/**
 * hakit Citrix ADC: the NITRO client, typed resources and fluent API, the planner and the
 * all-or-nothing applier and the guide's audit.
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

    exports io.hakit.citrix;

    provides io.hakit.model.spi.AdapterProvider with io.hakit.citrix.internal.CitrixAdapterProvider;
}
