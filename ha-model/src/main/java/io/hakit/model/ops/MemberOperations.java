package io.hakit.model.ops;

import io.hakit.model.Deployment;
import java.util.List;

/**
 * Drains and enables one application server on every farm of a deployment, beside
 * {@link io.hakit.model.plan.LoadBalancerAdapter} (Citrix ADC and F5 BIG-IP implement both). A drain moves the
 * HL7 active role off the server first, takes the server's members out of service gracefully (existing
 * connections finish, new ones go to the other server), and waits until their connections reach zero or
 * {@link DrainOptions#waitFor()} elapses. It refuses, changing nothing, when the server is the last member up in
 * any farm, unless {@link DrainOptions#force()}. {@link #enable} puts back exactly what drain changed: only the
 * members drain took out, recognised by the mark drain leaves on the device, so that another process can enable.
 *
 * <p>Member state set this way is operational: {@code plan}, {@code apply} and {@code audit} never treat it as
 * drift, and report it as a warning ({@code OPS-001}: high availability reduced).
 */
public interface MemberOperations {

    /**
     * Takes {@code server} out of every farm of the deployment gracefully.
     *
     * @param deployment the deployment whose farms to drain the server from
     * @param server the server's FQDN, as in the topology
     * @param options wait, force, listener
     * @return what happened; a refusal or a device failure is a result ({@link DrainResult.Outcome#REFUSED},
     *     {@link DrainResult.Outcome#FAILED}), not an exception
     * @throws IllegalArgumentException when the deployment has no such server
     * @throws io.hakit.model.HakitException when the device cannot be read before anything was changed
     */
    DrainResult drain(Deployment deployment, String server, DrainOptions options);

    /**
     * Puts back what {@link #drain} changed for {@code server}: the members drain took out are enabled again,
     * members an operator had disabled before stay as they are.
     *
     * @param deployment the deployment
     * @param server the server's FQDN
     * @param options the listener (wait and force do not apply)
     * @return what happened ({@link DrainResult.Outcome#ENABLED} or {@link DrainResult.Outcome#FAILED})
     * @throws IllegalArgumentException when the deployment has no such server
     * @throws io.hakit.model.HakitException when the device cannot be read before anything was changed
     */
    DrainResult enable(Deployment deployment, String server, DrainOptions options);

    /**
     * Reads the deployment's members as the device has them now (state, availability, drain's mark), changing
     * nothing: what a drill compares before and after to prove the device is as it was.
     *
     * @param deployment the deployment
     * @return every member of every farm of the deployment, every server
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    List<DeviceMember> members(Deployment deployment);
}
