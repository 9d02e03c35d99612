/**
 * F5 BIG-IP over iControl REST: {@link io.hakit.f5.IControlClient} (token session), typed objects
 * ({@link io.hakit.f5.F5Object}, {@link io.hakit.f5.F5Objects}) and the fluent {@link io.hakit.f5.BigIp},
 * {@link io.hakit.f5.F5Renderer} (deployment to objects) and {@link io.hakit.f5.F5Adapter} (plan, apply in one
 * transaction, audit).
 */
package io.hakit.f5;
