/**
 * hakit HL7: MLLP codec, client, failover sender and listener.
 */
module io.hakit.hl7 {
    requires org.slf4j;
}
