/**
 * hakit REST transport: the one HTTP layer under the device clients (NITRO, iControl REST). HttpClient 5
 * with TLS from {@code TlsSettings}, typed time-outs, one exception mapping, Failsafe retry policies, and
 * connections that never hand a secret to a logger. Exported only to the adapters that use it.
 */
module io.hakit.rest {
    requires transitive io.hakit.model;
    requires org.slf4j;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires dev.failsafe.core;

    exports io.hakit.rest to io.hakit.citrix, io.hakit.f5;
}
