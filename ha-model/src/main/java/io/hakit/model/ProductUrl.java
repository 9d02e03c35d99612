package io.hakit.model;

/**
 * A URL a service must be configured with in the product's "Advanced Settings" (URL-001):
 * https, the load balancer's FQDN, the service's load-balancer port, the catalog path.
 *
 * @param service the service's name
 * @param label what the URL is for, e.g. {@code Web Services} or {@code Palm Vein Authentication}
 * @param url the URL
 * @param port the load-balancer port in it
 */
public record ProductUrl(String service, String label, String url, int port) {
}
