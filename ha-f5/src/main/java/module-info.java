/**
 * hakit F5 BIG-IP: the iControl REST client (LTM + GTM), typed objects and fluent API,
 * one-transaction planner and applier, AS3 declarations, the guide's audit, and a stateful
 * iControl REST simulator for tests.
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
    requires jdk.httpserver;

    exports io.hakit.f5;
    exports io.hakit.f5.as3;
    exports io.hakit.f5.sim;

}
