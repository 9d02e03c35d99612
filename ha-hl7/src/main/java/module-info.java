/**
 * hakit HL7: MLLP codec, client, failover sender and listener.
 *
 * <p>{@code io.hakit.hl7} holds the public API; {@code io.hakit.hl7.spi} the outbox
 * extension point. Needs the JDK, SLF4J and {@code io.hakit.model} (the exception root
 * {@code HakitException}, {@code TlsSettings} and the guide's HL7 port).
 */
module io.hakit.hl7 {
    requires transitive io.hakit.model;
    requires org.slf4j;
    exports io.hakit.hl7;
    exports io.hakit.hl7.spi;
}
