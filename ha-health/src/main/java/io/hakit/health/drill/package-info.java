/**
 * The failover drill: {@link io.hakit.health.drill.Drill} drains each application server in turn through the
 * device's {@link io.hakit.model.ops.MemberOperations}, probes every farm through the load balancer while it is out,
 * puts it back, waits until every farm is HEALTHY, and reports a timeline and a verdict
 * ({@link io.hakit.health.drill.DrillReport}); whatever it changed is put back on failure or interrupt.
 */
package io.hakit.health.drill;
