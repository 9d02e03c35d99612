/**
 * hakit HL7: MLLP codec, client, failover sender and listener.
 *
 * <p>{@code io.hakit.hl7} holds the public API; {@code io.hakit.hl7.spi} the outbox
 * extension point. Needs only the JDK and SLF4J.
 */
module io.hakit.hl7 {
    requires org.slf4j;
    exports io.hakit.hl7;
    exports io.hakit.hl7.spi;
}
