/**
 * Implementation of hakit health; not exported, may change at any time.
 */
package io.hakit.health.internal;
