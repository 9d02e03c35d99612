/**
 * Extension points of the HL7 module: the {@link io.hakit.hl7.spi.Outbox} that keeps
 * accepted messages until they are acknowledged.
 */
package io.hakit.hl7.spi;
