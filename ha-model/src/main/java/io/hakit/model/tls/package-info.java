/**
 * TLS settings shared by every client hakit opens: health probes, device management APIs and
 * MLLP over TLS. Certificates and host names are verified by default.
 */
package io.hakit.model.tls;
