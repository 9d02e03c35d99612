/**
 * Certificates: PEM chains read with Bouncy Castle, their inspection (SANs, issuer,
 * validity, key usage, chain to a trust CA), and a throwaway CA for tests and demos.
 */
package io.hakit.model.cert;
