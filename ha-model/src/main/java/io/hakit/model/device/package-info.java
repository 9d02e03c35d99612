/**
 * How hakit reaches a load balancer's management API: the options every device client and device adapter builder
 * takes, once ({@link io.hakit.model.device.DeviceBuilder}).
 */
package io.hakit.model.device;
