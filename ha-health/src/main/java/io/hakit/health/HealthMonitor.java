package io.hakit.health;

import io.hakit.health.event.FarmHealthChanged;
import io.hakit.health.event.HealthListener;
import io.hakit.health.event.MemberStateChanged;
import io.hakit.health.event.ProbeCompleted;
import io.hakit.health.internal.RiseFall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every member of some farms on a schedule and keeps their state the way a load
 * balancer does: each member starts {@link MemberState#UNKNOWN} and goes UP or DOWN after
 * {@link MonitorProfile#rise()} / {@link MonitorProfile#fall()} probes in a row; a farm is
 * healthy while at least its health test's {@code minServers} members are UP. Every probe,
 * member change and farm change is published as a typed event.
 *
 * <p>Scheduling: each member is probed every {@link io.hakit.model.HealthTest#interval()}
 * plus a random jitter of up to {@link Builder#jitter(double)} of the interval (default
 * {@value #DEFAULT_JITTER}), the first probe after a random part of that jitter so members
 * are spread out. A member's next probe is scheduled when its previous one completes, so
 * probes of one member never overlap.
 *
 * <p>A farm's {@link MonitoredFarm#viaLb() load-balancer targets} are probed the same way; they do
 * not count as members, but one that is DOWN makes the farm UNHEALTHY.
 *
 * <p>Metrics: {@link #metrics()} is a Micrometer {@link MeterBinder} for the series
 * {@code hakit.farm.state} (tags {@code deployment}, {@code service}, {@code state}: 1 for the
 * farm's current {@link io.hakit.health.FarmState}, 0 for the two others), {@code hakit.member.up}
 * ({@code deployment}, {@code service}, {@code server}: 1 when UP), the timer {@code hakit.probe}
 * ({@code service}, {@code server}, {@code path} = {@code direct} or {@code lb}; histogram buckets
 * {@link #PROBE_BUCKETS}) and the counter {@code hakit.probes} ({@code service}, {@code server},
 * {@code outcome} = a {@link ProbeOutcome} name). Prometheus names them {@code hakit_farm_state},
 * {@code hakit_member_up}, {@code hakit_probe_seconds} and {@code hakit_probes_total}.
 *
 * <p>Thread-safe. All state changes and listener calls happen on one monitor thread, in
 * order. {@link #close()} stops scheduling, waits briefly for probes in flight, and
 * publishes nothing afterwards.
 *
 * <pre>{@code
 * try (HealthMonitor monitor = HealthMonitor.builder().prober(prober).profile(MonitorProfile.CITRIX)
 *         .farm(MonitoredFarm.of(farm))
 *         .onMemberStateChanged(e -> log.info("{} {} -> {}", e.member(), e.from(), e.to()))
 *         .build()) {
 *     monitor.start();
 *     ...
 * }
 * }</pre>
 */
public final class HealthMonitor implements AutoCloseable {

    /** Jitter as a fraction of the interval when none is given: 0.1 (up to 10 % later). */
    public static final double DEFAULT_JITTER = 0.1;
    /** How long {@link #close()} waits for probes in flight: 2 seconds. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    /** The {@code deployment} tag of the metrics when none is given: {@value}. */
    public static final String DEFAULT_DEPLOYMENT = "default";
    /** The histogram buckets of {@code hakit.probe}: 5, 10, 25, 50, 100, 250, 500 ms, 1, 2.5, 5 and 10 s. */
    public static final List<Duration> PROBE_BUCKETS = List.of(Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10));

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);

    private final HealthProber prober;
    private final boolean ownsProber;
    private final MonitorProfile profile;
    private final double jitter;
    private final List<HealthListener> listeners;
    private final String deployment;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Map<String, TrackedFarm> farms = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor thread;
    private final Set<CompletableFuture<ProbeResult>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean started;
    private volatile boolean closed;

    private HealthMonitor(Builder b) {
        if (b.farms.isEmpty()) {
            throw new IllegalStateException("a monitor needs at least one farm");
        }
        this.ownsProber = b.prober == null;
        this.prober = b.prober == null ? HealthProber.create() : b.prober;
        this.profile = b.profile;
        this.jitter = b.jitter;
        this.listeners = List.copyOf(b.listeners);
        this.deployment = b.deployment;
        Instant now = Instant.now();
        for (MonitoredFarm f : b.farms) {
            if (farms.put(f.name(), new TrackedFarm(f, profile, now)) != null) {
                throw new IllegalArgumentException("farm '" + f.name() + "' is listed twice");
            }
        }
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hakit-health-monitor");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts probing. Calling it again does nothing.
     *
     * @throws IllegalStateException when the monitor is closed
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the monitor is closed");
        }
        if (started) {
            return;
        }
        started = true;
        for (TrackedFarm f : farms.values()) {
            for (Tracked m : f.all()) {
                schedule(f, m, (long) (f.farm.test().interval().toNanos() * jitter * ThreadLocalRandom.current().nextDouble()));
            }
        }
        LOG.debug("health monitor started: {} farm(s), profile {}", farms.size(), profile.name());
    }

    private void schedule(TrackedFarm f, Tracked m, long delayNanos) {
        if (closed) {
            return;
        }
        try {
            thread.schedule(() -> probe(f, m), delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void probe(TrackedFarm f, Tracked m) {
        if (closed) {
            return;
        }
        CompletableFuture<ProbeResult> future = prober.probe(m.target, f.farm.test());
        inFlight.add(future);
        future.whenComplete((r, e) -> {
            inFlight.remove(future);
            try {
                thread.execute(() -> completed(f, m, r));
            } catch (RejectedExecutionException ex) {
                // closing: the result is dropped
            }
        });
    }

    private void completed(TrackedFarm f, Tracked m, ProbeResult r) {
        if (closed || r == null || r.outcome() == ProbeOutcome.CANCELLED) {
            return;
        }
        Instant now = r.finishedAt();
        io.hakit.health.FarmState wasState = f.state();
        MemberState before = m.machine.state();
        MemberState after = m.machine.record(r.passed());
        if (after != before) {
            m.since = now;
        }
        m.snapshot = new MemberHealth(f.farm.name(), m.target, after, m.machine.passes(), m.machine.failures(),
                Optional.of(r), m.since);
        record(f, m, r);
        publish(l -> l.onProbeCompleted(new ProbeCompleted(f.farm.name(), r, after, now)));
        if (after != before) {
            LOG.debug("{} {}: {} -> {} ({})", f.farm.name(), m.target, before, after, r.reason());
            publish(l -> l.onMemberStateChanged(new MemberStateChanged(f.farm.name(), m.target, before, after, r, now)));
        }
        io.hakit.health.FarmState state = f.state();
        if (state != wasState) {
            int up = f.up();
            LOG.debug("farm {} is {} ({} of {} up, min {})", f.farm.name(), state, up, f.members.size(),
                    f.farm.test().minServers());
            publish(l -> l.onFarmHealthChanged(new FarmHealthChanged(f.farm.name(), f.healthy(), up,
                    f.farm.test().minServers(), now, state)));
        }
        long interval = f.farm.test().interval().toNanos();
        schedule(f, m, interval + (long) (interval * jitter * ThreadLocalRandom.current().nextDouble()));
    }

    private void record(TrackedFarm f, Tracked m, ProbeResult r) {
        for (MeterRegistry registry : registries) {
            Timer.builder("hakit.probe").description("Health probes' latency, connect to response")
                    .tags("service", f.farm.name(), "server", m.target.host(), "path", m.viaLb ? "lb" : "direct")
                    .serviceLevelObjectives(PROBE_BUCKETS.toArray(new Duration[0]))
                    .register(registry).record(r.latency());
            Counter.builder("hakit.probes").description("Health probes by outcome")
                    .tags("service", f.farm.name(), "server", m.target.host(), "outcome", r.outcome().name())
                    .register(registry).increment();
        }
    }

    /**
     * The monitor's metrics as a Micrometer binder (series and tags in the class description). Gauges
     * read the monitor's current state; probes are recorded from the moment the binder is bound.
     * Binding to several registries is allowed. The gauges keep their last values after {@link #close()}.
     *
     * @return a binder for this monitor's metrics
     */
    public MeterBinder metrics() {
        return this::bindTo;
    }

    private void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        for (TrackedFarm f : farms.values()) {
            for (io.hakit.health.FarmState s : io.hakit.health.FarmState.values()) {
                Gauge.builder("hakit.farm.state", () -> f.state() == s ? 1 : 0)
                        .description("1 for the farm's current state (HEALTHY, DEGRADED, UNHEALTHY), else 0")
                        .tags(Tags.of("deployment", deployment, "service", f.farm.name(), "state", s.name()))
                        .register(registry);
            }
            for (Tracked m : f.members) {
                Gauge.builder("hakit.member.up", () -> m.snapshot.state() == MemberState.UP ? 1 : 0)
                        .description("1 when the member is UP, else 0")
                        .tags(Tags.of("deployment", deployment, "service", f.farm.name(), "server", m.target.host()))
                        .register(registry);
            }
        }
        if (!registries.contains(registry)) {
            registries.add(registry);
        }
    }

    /** @return the {@code deployment} tag of the metrics */
    public String deployment() {
        return deployment;
    }

    private void publish(Consumer<HealthListener> call) {
        for (HealthListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a health listener failed: {}", e.toString(), e);
            }
        }
    }

    /**
     * @param name a farm's name
     * @return a snapshot of the farm, if the monitor has it
     */
    public Optional<FarmHealth> farm(String name) {
        TrackedFarm f = farms.get(Objects.requireNonNull(name, "name"));
        return f == null ? Optional.empty() : Optional.of(f.snapshot());
    }

    /** @return snapshots of every farm, in the order they were added */
    public List<FarmHealth> farms() {
        List<FarmHealth> all = new ArrayList<>();
        for (TrackedFarm f : farms.values()) {
            all.add(f.snapshot());
        }
        return List.copyOf(all);
    }

    /** @return the profile in force */
    public MonitorProfile profile() {
        return profile;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops probing, waits up to {@link #CLOSE_GRACE} for probes in flight, stops the monitor
     * thread and, if the monitor created its own prober, closes it. No event is published
     * afterwards. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        thread.shutdown();
        try {
            CompletableFuture.allOf(inFlight.toArray(new CompletableFuture<?>[0]))
                    .get(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.debug("probes still in flight at close: {}", inFlight.size());
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsProber) {
            prober.close();
        }
        LOG.debug("health monitor closed");
    }

    /** One farm's mutable state; touched only on the monitor thread, read through volatile snapshots. */
    private static final class TrackedFarm {
        final MonitoredFarm farm;
        final List<Tracked> members = new ArrayList<>();
        final List<Tracked> viaLb = new ArrayList<>();

        TrackedFarm(MonitoredFarm farm, MonitorProfile profile, Instant now) {
            this.farm = farm;
            for (ProbeTarget t : farm.members()) {
                members.add(new Tracked(farm.name(), t, false, profile, now));
            }
            for (ProbeTarget t : farm.viaLb()) {
                viaLb.add(new Tracked(farm.name(), t, true, profile, now));
            }
        }

        List<Tracked> all() {
            List<Tracked> all = new ArrayList<>(members);
            all.addAll(viaLb);
            return all;
        }

        int up() {
            int n = 0;
            for (Tracked m : members) {
                if (m.snapshot.state() == MemberState.UP) {
                    n++;
                }
            }
            return n;
        }

        boolean healthy() {
            return snapshot().healthy();
        }

        io.hakit.health.FarmState state() {
            return snapshot().state();
        }

        FarmHealth snapshot() {
            return new FarmHealth(farm.name(), farm.test().minServers(), members.stream().map(m -> m.snapshot).toList(),
                    viaLb.stream().map(m -> m.snapshot).toList());
        }
    }

    /** One member's mutable state. */
    private static final class Tracked {
        final ProbeTarget target;
        final boolean viaLb;
        final RiseFall machine;
        Instant since;
        volatile MemberHealth snapshot;

        Tracked(String farm, ProbeTarget target, boolean viaLb, MonitorProfile profile, Instant now) {
            this.target = target;
            this.viaLb = viaLb;
            this.machine = new RiseFall(profile.rise(), profile.fall());
            this.since = now;
            this.snapshot = new MemberHealth(farm, target, MemberState.UNKNOWN, 0, 0, Optional.empty(), now);
        }
    }

    /** Builds a {@link HealthMonitor}. Not thread-safe. */
    public static final class Builder {
        private HealthProber prober;
        private MonitorProfile profile = MonitorProfile.ARR;
        private double jitter = DEFAULT_JITTER;
        private String deployment = DEFAULT_DEPLOYMENT;
        private final List<MonitoredFarm> farms = new ArrayList<>();
        private final List<HealthListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param prober the prober to use (shared, not closed by the monitor); by default the
         *        monitor creates one with {@link HealthProber#create()} and closes it on close
         * @return this builder
         */
        public Builder prober(HealthProber prober) {
            this.prober = Objects.requireNonNull(prober, "prober");
            return this;
        }

        /**
         * @param profile rise and fall thresholds; defaults to {@link MonitorProfile#ARR}
         *        (one probe decides). The interval and time-out always come from each farm's health test;
         *        use {@link MonitorProfile#applyTo} to take the vendor's.
         * @return this builder
         */
        public Builder profile(MonitorProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * @param jitter the largest random delay added to each interval, as a fraction of it, 0 to 1;
         *        defaults to {@value HealthMonitor#DEFAULT_JITTER}
         * @return this builder
         * @throws IllegalArgumentException when outside 0-1
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter (" + jitter + ") must be between 0 and 1");
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * @param deployment the {@code deployment} tag of the metrics, e.g. the topology's name;
         *        defaults to {@value HealthMonitor#DEFAULT_DEPLOYMENT}
         * @return this builder
         * @throws IllegalArgumentException when blank
         */
        public Builder deployment(String deployment) {
            Objects.requireNonNull(deployment, "deployment");
            if (deployment.isBlank()) {
                throw new IllegalArgumentException("deployment must not be blank");
            }
            this.deployment = deployment;
            return this;
        }

        /**
         * @param farm a farm to monitor
         * @return this builder
         */
        public Builder farm(MonitoredFarm farm) {
            farms.add(Objects.requireNonNull(farm, "farm"));
            return this;
        }

        /**
         * @param listener receives every event
         * @return this builder
         */
        public Builder listener(HealthListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * @param action called for every completed probe
         * @return this builder
         */
        public Builder onProbeCompleted(Consumer<ProbeCompleted> action) {
            Objects.requireNonNull(action, "action");
            return listener(new HealthListener() {
                @Override
                public void onProbeCompleted(ProbeCompleted event) {
                    action.accept(event);
                }
            });
        }

        /**
         * @param action called when a member goes UP or DOWN
         * @return this builder
         */
        public Builder onMemberStateChanged(Consumer<MemberStateChanged> action) {
            Objects.requireNonNull(action, "action");
            return listener(new HealthListener() {
                @Override
                public void onMemberStateChanged(MemberStateChanged event) {
                    action.accept(event);
                }
            });
        }

        /**
         * @param action called when a farm becomes healthy or unhealthy
         * @return this builder
         */
        public Builder onFarmHealthChanged(Consumer<FarmHealthChanged> action) {
            Objects.requireNonNull(action, "action");
            return listener(new HealthListener() {
                @Override
                public void onFarmHealthChanged(FarmHealthChanged event) {
                    action.accept(event);
                }
            });
        }

        /**
         * @return the monitor, not yet started
         * @throws IllegalStateException when no farm was added
         * @throws IllegalArgumentException when two farms share a name
         */
        public HealthMonitor build() {
            return new HealthMonitor(this);
        }
    }
}
