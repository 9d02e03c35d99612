/**
 * hakit F5 BIG-IP: the iControl REST client (LTM + GTM), typed objects and fluent API,
 * one-transaction planner and applier, AS3 declarations, and the guide's audit.
 */
module io.hakit.f5 {
    requires transitive io.hakit.model;
    requires io.hakit.health;
    requires io.hakit.rest;
    requires dev.failsafe.core;
    requires org.slf4j;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires transitive com.fasterxml.jackson.databind;

    exports io.hakit.f5;
    exports io.hakit.f5.as3;

    provides io.hakit.model.spi.AdapterProvider with io.hakit.f5.internal.F5AdapterProvider;
}
