/**
 * Extension points of the domain: how tooling opens a vendor's adapter without depending on the
 * adapter's module at compile time ({@link io.hakit.model.spi.AdapterProvider}, found with
 * {@link java.util.ServiceLoader}).
 */
package io.hakit.model.spi;
