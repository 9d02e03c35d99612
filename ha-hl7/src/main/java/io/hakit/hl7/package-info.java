/**
 * MLLP (HL7 v2 over TCP): a socket-free frame codec ({@link io.hakit.hl7.MllpFrameDecoder}),
 * just enough HL7 v2 to route and acknowledge ({@link io.hakit.hl7.Hl7Message},
 * {@link io.hakit.hl7.Ack}), a client for one endpoint ({@link io.hakit.hl7.MllpClient}),
 * a sender that fails over between endpoints without losing or reordering messages
 * ({@link io.hakit.hl7.FailoverMllpSender}) and a lightweight receiver
 * ({@link io.hakit.hl7.MllpListener}).
 */
package io.hakit.hl7;
