/**
 * Implementation details of the HL7 module; not exported.
 */
package io.hakit.hl7.internal;
