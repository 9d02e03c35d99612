package io.hakit.model.ops;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.HakitException;
import io.hakit.model.ServiceMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor-neutral drain and enable over a {@link MemberDevice}. A drain reads the deployment's members; refuses,
 * writing nothing, when the server is the last member up in any farm (unless {@link DrainOptions#force()}); takes
 * the server's HL7 members out first (so the standby takes the active role before anything else moves), then the
 * others, only those enabled; then waits, as a Failsafe retry policy polling every {@link DrainOptions#poll()} for
 * at most {@link DrainOptions#waitFor()}, until their connections reach zero; then, with
 * {@link DrainOptions#offline()}, forces them offline. An enable puts back only the members carrying the drain's
 * mark. Stateless and thread-safe; the device need not be.
 */
public final class DrainProcedure {

    private static final Logger LOG = LoggerFactory.getLogger(DrainProcedure.class);

    private DrainProcedure() {
    }

    /**
     * @param device the device
     * @param deployment the deployment
     * @param server the server to drain
     * @param options wait, force, listener
     * @return what happened
     * @throws IllegalArgumentException when the deployment has no such server
     */
    public static DrainResult drain(MemberDevice device, Deployment deployment, String server, DrainOptions options) {
        check(deployment, server, options);
        int before = device.requests();
        List<DeviceMember> all = device.read(deployment);
        List<DeviceMember> mine = mine(all, server);
        Optional<String> refusal = options.force() ? Optional.empty() : refusal(deployment, all, server);
        if (refusal.isPresent()) {
            List<MemberChange> same = mine.stream().map(m -> new MemberChange(m.group(), m.state().word(),
                    m.state().word(), m.connections())).toList();
            return new DrainResult(device.vendor(), server, DrainResult.Outcome.REFUSED, same,
                    hl7Active(deployment, all), device.requests() - before, 0, refusal.get());
        }
        Map<DeviceMember, MemberChange> changes = new LinkedHashMap<>();
        List<DeviceMember> taken = new ArrayList<>();
        mine.forEach(m -> changes.put(m, new MemberChange(m.group(), m.state().word(), m.state().word(),
                m.connections())));
        try {
            for (DeviceMember m : mine) {
                if (m.state() != DeviceMember.State.ENABLED) {
                    continue;
                }
                device.disable(m, options);
                taken.add(m);
                MemberChange c = new MemberChange(m.group(), MemberChange.ENABLED, MemberChange.DISABLED,
                        m.connections());
                changes.put(m, c);
                options.listener().changed(c);
            }
        } catch (HakitException e) {
            LOG.debug("drain of {} failed after {} members", server, taken.size());
            return new DrainResult(device.vendor(), server, DrainResult.Outcome.FAILED, List.copyOf(changes.values()),
                    hl7Active(deployment, after(all, taken, DeviceMember.State.DISABLED)), device.requests() - before,
                    0, "the device refused a change after " + taken.size() + " of the server's members were taken out ("
                            + e.getMessage() + "); they are still disabled");
        }
        long start = System.nanoTime();
        List<DeviceMember> draining = new ArrayList<>(mine);
        List<Long> connections = waitForConnections(device, draining, options);
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (options.offline()) {
            for (DeviceMember m : taken) {
                device.offline(m);
                changes.put(m, new MemberChange(m.group(), MemberChange.ENABLED, MemberChange.OFFLINE, 0));
            }
        }
        for (int i = 0; i < draining.size(); i++) {
            MemberChange c = changes.get(draining.get(i));
            changes.put(draining.get(i), new MemberChange(c.farm(), c.before(), c.after(), connections.get(i)));
        }
        return new DrainResult(device.vendor(), server, DrainResult.Outcome.DRAINED, List.copyOf(changes.values()),
                hl7Active(deployment, after(all, taken, DeviceMember.State.DISABLED)), device.requests() - before,
                waited, "");
    }

    /**
     * @param device the device
     * @param deployment the deployment
     * @param server the server to enable
     * @param options the listener
     * @return what happened
     * @throws IllegalArgumentException when the deployment has no such server
     */
    public static DrainResult enable(MemberDevice device, Deployment deployment, String server, DrainOptions options) {
        check(deployment, server, options);
        int before = device.requests();
        List<DeviceMember> all = device.read(deployment);
        List<DeviceMember> mine = mine(all, server);
        List<MemberChange> changes = new ArrayList<>();
        List<DeviceMember> back = new ArrayList<>();
        try {
            for (DeviceMember m : mine) {
                if (m.markedByDrain()) {
                    device.enable(m);
                    back.add(m);
                    MemberChange c = new MemberChange(m.group(), m.state().word(), MemberChange.ENABLED,
                            m.connections());
                    changes.add(c);
                    options.listener().changed(c);
                } else {
                    changes.add(new MemberChange(m.group(), m.state().word(), m.state().word(), m.connections()));
                }
            }
        } catch (HakitException e) {
            return new DrainResult(device.vendor(), server, DrainResult.Outcome.FAILED, changes,
                    hl7Active(deployment, after(all, back, DeviceMember.State.ENABLED)), device.requests() - before, 0,
                    "the device refused a change after " + back.size() + " members were enabled again ("
                            + e.getMessage() + ")");
        }
        return new DrainResult(device.vendor(), server, DrainResult.Outcome.ENABLED, changes,
                hl7Active(deployment, after(all, back, DeviceMember.State.ENABLED)), device.requests() - before, 0, "");
    }

    /**
     * Which farms would be left with no member up if {@code server} went.
     *
     * @param deployment the deployment
     * @param members its members as read
     * @param server the server
     * @return one line naming the first such farm and the device's state of its members, or empty
     */
    public static Optional<String> refusal(Deployment deployment, List<DeviceMember> members, String server) {
        for (Farm farm : deployment.farms()) {
            if (!farm.servers().contains(server)) {
                continue;
            }
            List<DeviceMember> others = members.stream()
                    .filter(m -> m.service().equals(farm.service()) && !m.server().equals(server)).toList();
            if (others.stream().noneMatch(DeviceMember::up)) {
                String state = others.isEmpty() ? "no other member"
                        : String.join(", ", others.stream().map(m -> m.server() + ":" + m.port() + " in " + m.group()
                                + " is " + (m.state() == DeviceMember.State.ENABLED ? "down" : m.state().word()))
                                .distinct().toList());
                return Optional.of(server + " is the last member up in " + farm.name() + " (" + state
                        + "); nothing changed (--force drains it anyway)");
            }
        }
        return Optional.empty();
    }

    private static void check(Deployment deployment, String server, DrainOptions options) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(options, "options");
        if (deployment.server(server).isEmpty()) {
            throw new IllegalArgumentException("server " + server + " is not in deployment " + deployment.name()
                    + " (servers: " + String.join(", ", deployment.servers().stream().map(s -> s.fqdn()).toList())
                    + ")");
        }
    }

    /** The server's members, HL7 (failover) first so that its active role moves before anything else. */
    private static List<DeviceMember> mine(List<DeviceMember> all, String server) {
        return all.stream().filter(m -> m.server().equals(server))
                .sorted(Comparator.comparing((DeviceMember m) -> !m.failover())).toList();
    }

    private static List<DeviceMember> after(List<DeviceMember> all, List<DeviceMember> changed,
            DeviceMember.State state) {
        // a member enabled again counts as available: the device's monitor only judges members in service
        return all.stream().map(m -> changed.contains(m) ? new DeviceMember(m.service(), m.group(), m.server(),
                m.port(), m.failover(), state, state == DeviceMember.State.ENABLED || m.available(),
                state != DeviceMember.State.ENABLED, m.connections()) : m).toList();
    }

    /** The HL7 farm's first server (in priority order) whose member is up. */
    private static Optional<String> hl7Active(Deployment deployment, List<DeviceMember> members) {
        for (Farm farm : deployment.farms()) {
            if (farm.mode() != ServiceMode.FAILOVER) {
                continue;
            }
            for (String s : farm.servers()) {
                boolean up = members.stream().filter(m -> m.service().equals(farm.service()) && m.server().equals(s))
                        .anyMatch(DeviceMember::up);
                if (up) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static List<Long> waitForConnections(MemberDevice device, List<DeviceMember> members,
            DrainOptions options) {
        if (members.isEmpty()) {
            return List.of();
        }
        Duration limit = options.waitFor();
        long start = System.nanoTime();
        if (limit.isZero()) {
            List<Long> once = device.connections(members);
            options.listener().waiting(sum(once), Duration.ZERO, limit);
            return once;
        }
        RetryPolicy<List<Long>> untilDrained = RetryPolicy.<List<Long>>builder()
                .handleResultIf(c -> sum(c) > 0)
                .withDelay(options.poll())
                .withMaxRetries(-1)
                .withMaxDuration(limit)
                .onFailedAttempt(e -> options.listener().waiting(sum(e.getLastResult()),
                        Duration.ofNanos(System.nanoTime() - start), limit))
                .build();
        List<Long> last = Failsafe.with(untilDrained).get(() -> device.connections(members));
        if (sum(last) == 0) {
            options.listener().waiting(0, Duration.ofNanos(System.nanoTime() - start), limit);
        }
        return last;
    }

    private static long sum(List<Long> connections) {
        return connections == null ? 0 : connections.stream().mapToLong(Long::longValue).sum();
    }
}
