package io.hakit.health.drill;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.hakit.health.DeploymentVerifier;
import io.hakit.health.FarmState;
import io.hakit.health.FarmVerdict;
import io.hakit.health.HealthProber;
import io.hakit.health.ProbeResult;
import io.hakit.health.ProbeTarget;
import io.hakit.health.VerifyReport;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.HakitException;
import io.hakit.model.HealthTest;
import io.hakit.model.Vip;
import io.hakit.model.ops.DeviceMember;
import io.hakit.model.ops.DrainOptions;
import io.hakit.model.ops.DrainResult;
import io.hakit.model.ops.MemberOperations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failover drill: proof that the deployment survives losing either application server. For each server in turn
 * it
 * <ol>
 *   <li>checks that every farm is HEALTHY (directly and through the load balancer); if not, it stops before
 *       changing anything, since draining a server of a degraded farm takes the service down;</li>
 *   <li>drains the server through {@link MemberOperations#drain} (HL7 active role first, then every farm);</li>
 *   <li>probes every farm's virtual servers through the load balancer for {@link Builder#duration(Duration)}, a
 *       round of every published port every {@link Builder#interval(Duration)}, with the farm's own health test;
 *       every probe must pass;</li>
 *   <li>sends one HL7 test message through the HL7 virtual server when a {@link Hl7TestSender} is given (never by
 *       default);</li>
 *   <li>enables the server again ({@link MemberOperations#enable}) and waits, as a Failsafe retry policy, until
 *       every farm is HEALTHY and the server's members are back in service on the device.</li>
 * </ol>
 * It stops at the first failed step. Before the first step and after the last it reads the device's member states;
 * anything the drill changed that is not back (a server it drained and did not enable, because of a failure or
 * {@link #restore()} from a shutdown hook) is enabled again, and {@link DrillReport#restored()} says whether the
 * states read at the end equal those read at the start.
 *
 * <p><b>Who served a probe.</b> A probe through a virtual server cannot see which member answered it (the load
 * balancer terminates the connection). The drill reads the device's members at the start and at the end of each
 * probing window and attributes each passing probe of a farm to the other servers the device had up in that farm
 * at both reads: that is {@link DrillStep#servedBy()}. A probe that passes while the device has no other member up
 * in its farm, or while the drained server's member is still enabled there, counts as failed: the drained server
 * must have answered it. What this proves: with the server out of service on the device, every request through
 * every virtual server succeeded. It does not prove that no request reached the drained server over a connection
 * opened before the drain (graceful drains let those finish, by design).
 *
 * <p>Thread-safe: {@link #run()} runs once at a time; {@link #restore()} may be called from another thread (a
 * shutdown hook) while it runs. Closes the probers it makes; uses, but does not close, the member operations.
 */
public final class Drill {

    /** How long each server stays drained while probes run, by default: 30 seconds. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
    /** The pause between two rounds of probes, by default: 100 milliseconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(100);
    /** How long the drain waits for the server's connections to finish, by default: 1 minute. */
    public static final Duration DEFAULT_DRAIN_WAIT = Duration.ofMinutes(1);
    /** How long to wait for every farm to be HEALTHY after an enable, by default: 2 minutes. */
    public static final Duration DEFAULT_HEALTHY_WAIT = Duration.ofMinutes(2);
    /** How often the HEALTHY wait checks, by default: every second. */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
    /** Distinct failure lines kept per step. */
    public static final int MAX_FAILURE_LINES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Drill.class);

    private final Deployment deployment;
    private final MemberOperations operations;
    private final Supplier<HealthProber> probers;
    private final Duration duration;
    private final Duration interval;
    private final Duration drainWait;
    private final Duration healthyWait;
    private final Duration poll;
    private final Optional<Hl7TestSender> hl7;
    private final DrillListener listener;
    private final Set<String> pending = new LinkedHashSet<>();
    private final Object running = new Object();
    private long start;
    private final List<DrillEvent> timeline = new ArrayList<>();

    private Drill(Builder b) {
        this.deployment = Objects.requireNonNull(b.deployment, "deployment");
        this.operations = Objects.requireNonNull(b.operations, "operations");
        this.probers = Objects.requireNonNull(b.probers, "probers");
        this.duration = b.duration;
        this.interval = b.interval;
        this.drainWait = b.drainWait;
        this.healthyWait = b.healthyWait;
        this.poll = b.poll;
        this.hl7 = Optional.ofNullable(b.hl7);
        this.listener = b.listener;
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the drill. Never throws for a failing deployment or device: that is the report's verdict.
     *
     * @return the report
     * @throws HakitException when the device cannot be read before anything was changed
     */
    public DrillReport run() {
        synchronized (running) {
            start = System.nanoTime();
            synchronized (timeline) {
                timeline.clear();
            }
            List<DeviceMember> before = operations.members(deployment);
            event("", "read " + before.size() + " members of " + deployment.name() + " from the device");
            List<DrillStep> steps = new ArrayList<>();
            String message = "";
            try {
                for (var server : deployment.servers()) {
                    if (Thread.currentThread().isInterrupted()) {
                        message = "interrupted before " + server.fqdn();
                        break;
                    }
                    Turn turn = step(server.fqdn());
                    steps.add(turn.step);
                    if (!turn.step.passed()) {
                        message = turn.why;
                        break;
                    }
                }
            } catch (HakitException e) {
                message = "the device failed: " + e.getMessage();
                LOG.debug("drill stopped by a device failure", e);
            } finally {
                restore();
            }
            boolean restored = restoredAfter(before);
            if (!restored && message.isEmpty()) {
                message = "the device's member states differ from before the drill";
            }
            boolean passed = message.isEmpty() && steps.size() == deployment.servers().size()
                    && steps.stream().allMatch(DrillStep::passed);
            event("", (passed ? "passed" : "failed: " + message) + "; device "
                    + (restored ? "as it was" : "NOT as it was"));
            return new DrillReport(passed ? DrillReport.Verdict.PASSED : DrillReport.Verdict.FAILED, restored, steps,
                    timeline(), message);
        }
    }

    /**
     * Enables every server this drill drained and has not yet enabled; for a shutdown hook or after a failure.
     * Safe to call at any time and more than once.
     *
     * @return whether every such server was enabled again (true when there was none)
     */
    public boolean restore() {
        synchronized (pending) {
            boolean all = true;
            for (String server : List.copyOf(pending)) {
                try {
                    DrainResult r = operations.enable(deployment, server, DrainOptions.DEFAULTS);
                    if (r.succeeded()) {
                        pending.remove(server);
                        event(server, "restored: enabled again");
                    } else {
                        all = false;
                        event(server, "restore failed: " + r.message());
                    }
                } catch (HakitException e) {
                    all = false;
                    event(server, "restore failed: " + e.getMessage());
                }
            }
            return all;
        }
    }

    /** @return the timeline so far */
    public List<DrillEvent> timeline() {
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }

    private record Turn(DrillStep step, String why) {
    }

    private Turn step(String server) {
        VerifyReport pre = verify();
        if (!allHealthy(pre)) {
            String why = "not every farm is HEALTHY before draining " + server + " (" + unhealthy(pre)
                    + "); nothing changed";
            event(server, why);
            return new Turn(new DrillStep(server, false, 0, 0, Map.of(), 0, false, -1, List.of(why)), why);
        }
        synchronized (pending) {
            pending.add(server);
        }
        DrainResult drain = operations.drain(deployment, server,
                DrainOptions.builder().waitFor(drainWait).poll(poll).build());
        if (!drain.succeeded()) {
            String why = "drain " + drain.outcome().wire() + ": " + drain.message();
            event(server, why);
            if (drain.outcome() == DrainResult.Outcome.REFUSED) {
                synchronized (pending) {
                    pending.remove(server);
                }
            } else {
                restore();
            }
            return new Turn(new DrillStep(server, false, 0, 0, Map.of(), 0, false, -1, List.of(why)), why);
        }
        event(server, "drained (" + drain.members().size() + " members, " + drain.connections()
                + " connections left after " + drain.waitedMs() + " ms; HL7 active: "
                + drain.hl7Active().orElse("-") + ")");
        ProbeWindow window = probe(server);
        event(server, window.probes + " probes through the load balancer in " + duration.toMillis() + " ms, "
                + window.failed + " failed; served by " + window.servedBy);
        long hl7Sent = 0;
        if (hl7.isPresent()) {
            hl7Sent = 1;
            Optional<String> refused = hl7.get().send();
            window.probes++;
            if (refused.isPresent()) {
                window.failed++;
                window.failures.add("HL7 test message: " + refused.get());
            }
            event(server, "HL7 test message through the HL7 virtual server: " + refused.orElse("accepted"));
        }
        DrainResult enable = operations.enable(deployment, server, DrainOptions.DEFAULTS);
        boolean enabled = enable.succeeded();
        if (enabled) {
            synchronized (pending) {
                pending.remove(server);
            }
            event(server, "enabled (" + enable.members().size() + " members)");
        } else {
            event(server, "enable " + enable.outcome().wire() + ": " + enable.message());
        }
        long healthyAfter = enabled ? waitHealthy(server) : -1;
        event(server, healthyAfter >= 0 ? "every farm HEALTHY " + healthyAfter + " ms after the enable"
                : "not every farm HEALTHY within " + healthyWait.toMillis() + " ms");
        DrillStep step = new DrillStep(server, true, window.probes, window.failed, window.servedBy, hl7Sent, enabled,
                healthyAfter, List.copyOf(window.failures));
        String why = "";
        if (window.failed > 0) {
            why = window.failed + " of " + window.probes + " probes failed while " + server + " was drained ("
                    + String.join("; ", window.failures) + ")";
        } else if (!enabled) {
            why = "enable of " + server + " failed: " + enable.message();
        } else if (healthyAfter < 0) {
            why = "not every farm was HEALTHY within " + healthyWait.toMillis() + " ms of enabling " + server;
        }
        return new Turn(step, why);
    }

    /** Probes of one window: counts, attribution and the first distinct failures. */
    private record Probe(Farm farm, ProbeTarget target, HealthTest test) {
    }

    private ProbeWindow probe(String server) {
        List<Probe> probes = new ArrayList<>();
        for (Farm farm : deployment.farms()) {
            List<HealthTest> checks = DeploymentVerifier.checks(farm);
            if (checks.isEmpty()) {
                continue;
            }
            for (Vip vip : deployment.vips()) {
                if (vip.service().equals(farm.service())) {
                    probes.add(new Probe(farm, new ProbeTarget(vip.fqdn(), vip.port(), vip.tls()), checks.get(0)));
                }
            }
        }
        ProbeWindow w = new ProbeWindow();
        List<DeviceMember> first = operations.members(deployment);
        List<ProbeResult> passed = new ArrayList<>();
        List<Probe> passedProbes = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        try (HealthProber prober = probers.get()) {
            do {
                List<CompletableFuture<ProbeResult>> round = probes.stream().map(p -> prober.probe(p.target, p.test))
                        .toList();
                for (int i = 0; i < round.size(); i++) {
                    ProbeResult r = round.get(i).join();
                    w.probes++;
                    if (r.passed()) {
                        passed.add(r);
                        passedProbes.add(probes.get(i));
                    } else {
                        w.fail(probes.get(i).farm.name() + ": " + r);
                    }
                }
                if (!pause(end)) {
                    break;
                }
            } while (System.nanoTime() < end);
        }
        List<DeviceMember> last = operations.members(deployment);
        Map<String, Set<String>> others = new LinkedHashMap<>();
        for (Probe p : probes) {
            others.computeIfAbsent(p.farm.service(), s -> ProbeWindow.servingOthers(s, server, first, last));
        }
        for (Probe p : passedProbes) {
            Set<String> by = others.get(p.farm.service());
            if (by.isEmpty()) {
                w.fail(p.farm.name() + ": " + p.target + " answered while the device had no other member up in the "
                        + "farm (or " + server + " still enabled there): " + server + " served it");
            } else {
                w.servedBy.merge(String.join(",", by), 1L, Long::sum);
            }
        }
        return w;
    }

    /** Sleeps the interval (or until {@code end}); false when interrupted. */
    private boolean pause(long end) {
        long nanos = Math.min(interval.toNanos(), end - System.nanoTime());
        if (nanos <= 0) {
            return true;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private long waitHealthy(String server) {
        long t0 = System.nanoTime();
        if (healthyWait.compareTo(poll) <= 0) {
            // no time for a second look: one check
            boolean once = backInService(server) && allHealthy(verify());
            return once ? Duration.ofNanos(System.nanoTime() - t0).toMillis() : -1;
        }
        RetryPolicy<Boolean> untilHealthy = RetryPolicy.<Boolean>builder()
                .handleResult(false)
                .withDelay(poll)
                .withMaxRetries(-1)
                .withMaxDuration(healthyWait)
                .build();
        try {
            boolean ok = Failsafe.with(untilHealthy).get(() -> backInService(server) && allHealthy(verify()));
            return ok ? Duration.ofNanos(System.nanoTime() - t0).toMillis() : -1;
        } catch (FailsafeException e) {
            LOG.debug("HEALTHY wait after enabling {} ended", server, e);
            return -1;
        }
    }

    private VerifyReport verify() {
        try (HealthProber prober = probers.get()) {
            return DeploymentVerifier.create(prober).verify(deployment, DeploymentVerifier.Mode.BOTH);
        }
    }

    private boolean backInService(String server) {
        return operations.members(deployment).stream().filter(m -> m.server().equals(server))
                .noneMatch(DeviceMember::markedByDrain);
    }

    private static boolean allHealthy(VerifyReport report) {
        return report.farms().stream().allMatch(f -> f.state() == FarmState.HEALTHY);
    }

    private static String unhealthy(VerifyReport report) {
        return report.farms().stream().filter(f -> f.state() != FarmState.HEALTHY)
                .map(FarmVerdict::diagnosis).collect(Collectors.joining("; "));
    }

    private boolean restoredAfter(List<DeviceMember> before) {
        try {
            List<DeviceMember> after = operations.members(deployment);
            Set<String> was = states(before);
            Set<String> now = states(after);
            if (was.equals(now)) {
                event("", "member states read back: " + after.size() + " members, as before the drill");
                return true;
            }
            Set<String> changed = new TreeSet<>(now);
            changed.removeAll(was);
            event("", "member states read back differ from before the drill: " + changed);
            return false;
        } catch (HakitException e) {
            event("", "cannot read the member states back: " + e.getMessage());
            return false;
        }
    }

    /** A member's administrative state and drain's mark, which the drill must leave as it found them. */
    private static Set<String> states(List<DeviceMember> members) {
        Set<String> out = new TreeSet<>();
        for (DeviceMember m : members) {
            out.add(m.group() + " " + m.server() + ":" + m.port() + " " + m.state().word()
                    + (m.markedByDrain() ? " (drained by hakit)" : ""));
        }
        return out;
    }

    private void event(String server, String text) {
        DrillEvent e = new DrillEvent(Duration.ofNanos(System.nanoTime() - start).toMillis(), server, text);
        synchronized (timeline) {
            timeline.add(e);
        }
        LOG.debug("drill {}", e);
        listener.event(e);
    }

    /** Builds a {@link Drill}. Not thread-safe. */
    public static final class Builder {
        private Deployment deployment;
        private MemberOperations operations;
        private Supplier<HealthProber> probers;
        private Duration duration = DEFAULT_DURATION;
        private Duration interval = DEFAULT_INTERVAL;
        private Duration drainWait = DEFAULT_DRAIN_WAIT;
        private Duration healthyWait = DEFAULT_HEALTHY_WAIT;
        private Duration poll = DEFAULT_POLL;
        private Hl7TestSender hl7;
        private DrillListener listener = DrillListener.NONE;

        private Builder() {
        }

        /**
         * @param deployment the deployment to drill (required)
         * @return this builder
         */
        public Builder deployment(Deployment deployment) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
            return this;
        }

        /**
         * @param operations the device's member operations, e.g. a Citrix or F5 adapter (required)
         * @return this builder
         */
        public Builder operations(MemberOperations operations) {
            this.operations = Objects.requireNonNull(operations, "operations");
            return this;
        }

        /**
         * @param probers makes the probers that reach the load balancer's names and the servers (their resolver,
         *     connect-to and TLS trust apply; required). Each probing window and each HEALTHY check gets a new one,
         *     closed when it is done, so that every connection of a window is opened after the drain and the load
         *     balancer picks its member then: a connection kept alive from before the drain would still reach the
         *     drained server, by design of a graceful drain
         * @return this builder
         */
        public Builder probers(Supplier<HealthProber> probers) {
            this.probers = Objects.requireNonNull(probers, "probers");
            return this;
        }

        /**
         * @param duration how long each server stays drained while probes run; default {@link #DEFAULT_DURATION}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder duration(Duration duration) {
            this.duration = notNegative("duration", duration);
            return this;
        }

        /**
         * @param interval the pause between rounds of probes; default {@link #DEFAULT_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder interval(Duration interval) {
            this.interval = notNegative("interval", interval);
            return this;
        }

        /**
         * @param drainWait how long each drain waits for connections to finish; default {@link #DEFAULT_DRAIN_WAIT}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder drainWait(Duration drainWait) {
            this.drainWait = notNegative("drainWait", drainWait);
            return this;
        }

        /**
         * @param healthyWait how long to wait for every farm to be HEALTHY after an enable; default
         *     {@link #DEFAULT_HEALTHY_WAIT}
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder healthyWait(Duration healthyWait) {
            this.healthyWait = notNegative("healthyWait", healthyWait);
            return this;
        }

        /**
         * @param poll how often the drain and the HEALTHY wait check; default {@link #DEFAULT_POLL}
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder poll(Duration poll) {
            notNegative("poll", poll);
            if (poll.isZero()) {
                throw new IllegalArgumentException("poll (" + poll + ") must be positive");
            }
            this.poll = poll;
            return this;
        }

        /**
         * @param hl7 sends one HL7 test message through the HL7 virtual server while each server is drained; none
         *     by default
         * @return this builder
         */
        public Builder hl7(Hl7TestSender hl7) {
            this.hl7 = Objects.requireNonNull(hl7, "hl7");
            return this;
        }

        /**
         * @param listener hears the timeline as it happens; default {@link DrillListener#NONE}
         * @return this builder
         */
        public Builder listener(DrillListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        private static Duration notNegative(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " (" + d + ") must not be negative");
            }
            return d;
        }

        /**
         * @return the drill
         * @throws NullPointerException when the deployment, the operations or the probers are missing
         */
        public Drill build() {
            return new Drill(this);
        }
    }
}
