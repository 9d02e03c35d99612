/**
 * Day-two operations on a deployment's members: {@link io.hakit.model.ops.MemberOperations} (drain and enable
 * a server on every farm), its options, listener and result, and {@link io.hakit.model.ops.DrainProcedure}, the
 * vendor-neutral procedure (refusal, HL7 first, the graceful wait) that adapters run over their
 * {@link io.hakit.model.ops.MemberDevice}.
 */
package io.hakit.model.ops;
