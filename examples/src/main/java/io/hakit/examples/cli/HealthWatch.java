package io.hakit.examples.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hakit.health.FarmHealth;
import io.hakit.health.FarmState;
import io.hakit.health.HealthMonitor;
import io.hakit.health.HealthProber;
import io.hakit.health.MemberState;
import io.hakit.health.MonitoredFarm;
import io.hakit.health.event.HealthListener;
import io.hakit.health.event.MemberStateChanged;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code hakit health FILE --watch INTERVAL [--metrics-port N] [--metrics-bind ADDR]}: keeps
 * probing every farm through a {@link HealthMonitor}, prints each farm's state once it is known
 * and then state changes only (one line per change: farm, old and new state, the member that
 * changed), and serves the monitor's metrics in the Prometheus text format on
 * {@code http://ADDR:N/metrics}. Runs until interrupted: Ctrl-C stops it cleanly through a
 * shutdown hook; an interrupt of the calling thread does the same and returns.
 */
final class HealthWatch {

    /** The address the metrics are served on unless {@code --metrics-bind} says otherwise: loopback. */
    static final String DEFAULT_BIND = "127.0.0.1";
    /** The Prometheus text format, version 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** How long Ctrl-C waits for the watch to stop cleanly: 10 seconds. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final boolean viaLb;
    private final Duration interval;
    private final Integer metricsPort;
    private final InetAddress bind;
    private final PrintWriter out;
    /** The state last printed per farm; absent until every target of the farm is decided. */
    private final Map<String, FarmState> printed = new HashMap<>();
    /** The monitor running, once built. */
    private volatile HealthMonitor monitor;

    private HealthWatch(boolean viaLb, Duration interval, Integer metricsPort, InetAddress bind, PrintWriter out) {
        this.viaLb = viaLb;
        this.interval = interval;
        this.metricsPort = metricsPort;
        this.bind = bind;
        this.out = out;
    }

    /**
     * Checks the watch options before anything is loaded or probed.
     *
     * @return the watch, or null when {@code --watch} is absent
     * @throws IllegalArgumentException naming the option and what is wrong
     */
    static HealthWatch of(String watch, Integer metricsPort, String metricsBind, boolean viaLbOnly, boolean direct,
            boolean json, PrintWriter out) {
        if (watch == null) {
            if (metricsPort != null || metricsBind != null) {
                throw new IllegalArgumentException("--metrics-port and --metrics-bind need --watch INTERVAL");
            }
            return null;
        }
        Duration interval = DeviceOptions.duration("--watch", watch);
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("--watch '" + watch + "' must be a positive duration, e.g. 10s");
        }
        if (json) {
            throw new IllegalArgumentException("--format json cannot be combined with --watch: the watch prints state "
                    + "changes as lines and serves its figures as metrics");
        }
        if (viaLbOnly) {
            throw new IllegalArgumentException("--via-lb cannot be combined with --watch: the watch probes the members, "
                    + "and through the load balancer unless --direct");
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new IllegalArgumentException("--metrics-port (" + metricsPort + ") must be 0-65535 (0: any free port)");
        }
        if (metricsBind != null && metricsPort == null) {
            throw new IllegalArgumentException("--metrics-bind needs --metrics-port N");
        }
        String address = metricsBind == null ? DEFAULT_BIND : metricsBind.strip();
        InetAddress bind;
        try {
            bind = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--metrics-bind '" + address + "' is not an address of this host");
        }
        return new HealthWatch(!direct, interval, metricsPort, bind, out);
    }

    /**
     * Probes {@code deployment} until interrupted. Runs once.
     *
     * @return 0 when every farm was HEALTHY when the watch stopped, else 1
     */
    int run(Deployment deployment, HealthProber prober) {
        HealthMonitor.Builder builder = HealthMonitor.builder().prober(prober).deployment(deployment.name())
                .listener(new Changes());
        int farms = 0;
        for (Farm farm : deployment.farms()) {
            if (farm.healthTest().isEmpty()) {
                continue;
            }
            MonitoredFarm f = viaLb ? MonitoredFarm.of(deployment, farm) : MonitoredFarm.of(farm);
            builder.farm(new MonitoredFarm(f.name(), f.test().copy(t -> t.interval(interval)), f.members(), f.viaLb()));
            farms++;
        }
        if (farms == 0) {
            throw new IllegalArgumentException("deployment '" + deployment.name() + "' has no farm with an HTTP health test");
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CountDownLatch stopped = new CountDownLatch(1);
        HealthMonitor monitor = builder.build();
        this.monitor = monitor;
        try {
            return watch(deployment, monitor, registry, farms, stopped);
        } finally {
            stopped.countDown();
        }
    }

    private int watch(Deployment deployment, HealthMonitor monitor, PrometheusMeterRegistry registry, int farms,
            CountDownLatch stopped) {
        HttpServer server = null;
        ExecutorService http = null;
        Thread hook = null;
        boolean interrupted = false;
        try {
            monitor.metrics().bindTo(registry);
            if (metricsPort != null) {
                http = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "hakit-metrics");
                    t.setDaemon(true);
                    return t;
                });
                server = serve(registry, http);
            }
            say("watching %d farm(s) of %s every %s%s", farms, deployment.name(), text(interval),
                    viaLb ? ", directly and through the load balancer" : ", directly");
            if (server != null) {
                say("metrics: http://%s:%d/metrics", host(server.getAddress()), server.getAddress().getPort());
            }
            monitor.start();
            // Ctrl-C: interrupt this thread and let it stop everything and say so before the JVM ends
            Thread watching = Thread.currentThread();
            hook = new Thread(() -> {
                watching.interrupt();
                try {
                    stopped.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hakit-health-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        } finally {
            stop(monitor, server, registry);
            if (http != null) {
                http.shutdownNow();
            }
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook is running and waits until this watch has stopped
                }
            }
        }
        List<FarmHealth> last = monitor.farms();
        say("stopped: %s", String.join(", ", last.stream().map(f -> f.farm() + " " + f.state()).toList()));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return last.stream().allMatch(f -> f.state() == FarmState.HEALTHY) ? Hakit.OK : Hakit.FOUND_WANTING;
    }

    private static void stop(HealthMonitor monitor, HttpServer server, PrometheusMeterRegistry registry) {
        monitor.close();
        if (server != null) {
            server.stop(0);
        }
        registry.close();
    }

    private HttpServer serve(PrometheusMeterRegistry registry, ExecutorService executor) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bind, metricsPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + bind.getHostAddress() + ":" + metricsPort + ": "
                    + e.getMessage(), e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                    reply(exchange, 404, "not found; the metrics are at /metrics\n");
                } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                    reply(exchange, 405, "use GET\n");
                } else {
                    exchange.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
                    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                    if (exchange.getRequestMethod().equals("HEAD")) {
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream o = exchange.getResponseBody()) {
                            o.write(body);
                        }
                    }
                }
            }
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
        }
    }

    private static String host(InetSocketAddress address) {
        String h = address.getAddress().getHostAddress();
        return h.contains(":") ? "[" + h + "]" : h;
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private synchronized void say(String format, Object... args) {
        out.printf("%s " + format + "%n", Stream.concat(Stream.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)),
                Stream.of(args)).toArray());
        out.flush();
    }

    /** Turns the monitor's events into lines: a farm's state once known, then every change of a member. */
    private final class Changes implements HealthListener {
        @Override
        public void onMemberStateChanged(MemberStateChanged e) {
            // the monitor's snapshot already holds this change; the farm's line waits until every target is decided
            FarmHealth farm = farm(e.farm(), e);
            if (Stream.concat(farm.members().stream(), farm.viaLb().stream())
                    .anyMatch(m -> m.state() == MemberState.UNKNOWN)) {
                return;
            }
            FarmState now = farm.state();
            FarmState before = printed.put(e.farm(), now);
            String member = e.member() + (farm.viaLb().stream().anyMatch(m -> m.member().equals(e.member()))
                    ? " (through the load balancer)" : "");
            if (before == null) {
                say("%s %s (%d of %d members up)", e.farm(), now, farm.upMembers(), farm.members().size());
            } else if (e.from() != MemberState.UNKNOWN) {
                say("%s %s -> %s: %s %s -> %s%s", e.farm(), before, now, member, e.from(), e.to(),
                        e.to() == MemberState.DOWN ? " (" + e.cause().outcome() + ": " + e.cause().reason() + ")" : "");
            }
        }

        private FarmHealth farm(String name, MemberStateChanged e) {
            return monitor.farms().stream().filter(f -> f.farm().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no farm " + name + " for " + e));
        }
    }
}
