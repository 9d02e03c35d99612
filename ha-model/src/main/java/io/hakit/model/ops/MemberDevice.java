package io.hakit.model.ops;

import io.hakit.model.Deployment;
import java.util.List;

/**
 * What {@link DrainProcedure} needs from a device: read the deployment's members, take one out gracefully (leaving
 * the mark {@link DeviceMember#markedByDrain()} reads back), force it offline, put it back (removing the mark) and
 * read connections. Adapters implement it over their own client; it is not thread-safe unless the adapter says so.
 */
public interface MemberDevice {

    /** @return the vendor's word, e.g. {@code citrix} */
    String vendor();

    /**
     * @param deployment the deployment
     * @return every member of every farm of the deployment, every server
     */
    List<DeviceMember> read(Deployment deployment);

    /**
     * Takes a member out gracefully (no new connections, existing ones finish) and marks it as drained by hakit.
     *
     * @param member the member
     * @param options the drain's options (its wait may become the device's graceful delay)
     */
    void disable(DeviceMember member, DrainOptions options);

    /**
     * Forces a drained member offline, where the vendor has such a state; does nothing otherwise.
     *
     * @param member the member
     */
    default void offline(DeviceMember member) {
    }

    /**
     * Puts a member back in service and removes the drain's mark.
     *
     * @param member the member
     */
    void enable(DeviceMember member);

    /**
     * @param members members of the deployment
     * @return their current connections, in the same order
     */
    List<Long> connections(List<DeviceMember> members);

    /** @return device requests sent so far */
    int requests();
}
