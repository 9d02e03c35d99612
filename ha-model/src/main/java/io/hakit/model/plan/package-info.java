/**
 * Vendor-neutral plans: the ordered changes that bring a device to what a deployment
 * needs, and the result of applying them. Every adapter produces a {@link io.hakit.model.plan.Plan}
 * and an {@link io.hakit.model.plan.ApplyResult}; the command line prints them the same way.
 */
package io.hakit.model.plan;

import io.hakit.model.Vendor;
