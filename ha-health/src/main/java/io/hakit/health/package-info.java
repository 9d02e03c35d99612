/**
 * Health probes ({@link io.hakit.health.HealthProber}), monitors
 * ({@link io.hakit.health.HealthMonitor}), TLS settings, name resolution and deployment
 * verification ({@link io.hakit.health.DeploymentVerifier}).
 */
package io.hakit.health;
