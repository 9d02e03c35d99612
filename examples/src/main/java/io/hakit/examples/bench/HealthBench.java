package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.ProbeTarget;
import io.hakit.model.HealthTest;
import io.hakit.model.cert.ThrowawayCa;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.Message;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.impl.bootstrap.AsyncServerBootstrap;
import org.apache.hc.core5.http.impl.bootstrap.HttpAsyncServer;
import org.apache.hc.core5.http.nio.AsyncRequestConsumer;
import org.apache.hc.core5.http.nio.AsyncServerRequestHandler;
import org.apache.hc.core5.http.nio.entity.DiscardingEntityConsumer;
import org.apache.hc.core5.http.nio.support.AsyncResponseBuilder;
import org.apache.hc.core5.http.nio.support.BasicRequestConsumer;
import org.apache.hc.core5.http.nio.support.BasicServerExchangeHandler;
import org.apache.hc.core5.http.nio.ssl.BasicServerTlsStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.reactor.ListenerEndpoint;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hakit bench health}: 1,000 HTTPS members on loopback (many 127.0.0.x addresses ×
 * ports, one non-blocking server in this JVM), probed by hakit's {@link HealthProber} and,
 * side by side in the same run, by the JDK's {@link HttpClient} doing the same probes
 * asynchronously at the same concurrency. Measures the first round (TLS handshakes
 * included), then sustained probes/s over kept-alive connections, p99 latency, the threads
 * the client added and the heap it retains.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Benchmark HTTPS health probes of many members on loopback, side by side with the JDK HttpClient.",
            "Targets: >= 5,000 probes/s sustained on 2 cores, first round < 2 s, <= 64 MiB heap, ahead of the JDK client."})
public final class HealthBench implements Callable<Integer> {

    private static final String BODY = "OK IdentityServer4";
    private static final String MATCH = "IdentityServer4";
    /** Latency histogram: 50 µs buckets up to 10 s. */
    private static final long BUCKET_NANOS = 50_000;
    private static final int BUCKETS = 200_000;

    @Option(names = "--json", description = "Print one JSON object with every figure.")
    boolean json;

    @Option(names = "--members", defaultValue = "1000", description = "HTTPS members (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--addresses", defaultValue = "50",
            description = "Loopback addresses 127.0.0.2.. the members spread over (default ${DEFAULT-VALUE}).")
    int addresses;

    @Option(names = "--seconds", defaultValue = "8",
            description = "Measured sustained seconds per client, after a 2 s warm-up (default ${DEFAULT-VALUE}).")
    int seconds;

    @Spec
    CommandSpec spec;

    private final java.util.concurrent.atomic.AtomicReference<String> sampleFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The figures of one client. */
    record Figures(String client, double firstRoundMs, int firstRoundFailures, long probes, long failures,
            double probesPerSecond, double p50Ms, double p99Ms, int threads, double heapMiB) {
    }

    /** One client under test: fire a probe of member i, completing with whether it passed. */
    interface Client extends AutoCloseable {
        CompletableFuture<Boolean> probe(int member);

        @Override
        void close();
    }

    @Override
    public Integer call() throws Exception {
        if (members < 1 || addresses < 1 || addresses > 250 || seconds < 1) {
            throw new IllegalArgumentException("--members and --seconds must be positive, --addresses 1-250");
        }
        PrintWriter out = spec.commandLine().getOut();
        ThrowawayCa ca = ThrowawayCa.create("hakit bench CA");
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < addresses; i++) {
            ips.add("127.0.0." + (2 + i));
        }
        ThrowawayCa.Issued cert = ca.issueServer(ips.toArray(new String[0]));
        HttpAsyncServer server = AsyncServerBootstrap.bootstrap()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(2).setSoReuseAddress(true).build())
                .setTlsStrategy(new BasicServerTlsStrategy(cert.serverContext(), SSLBufferMode.DYNAMIC, null, null))
                // every authority (each 127.0.0.x:port) gets the same answer
                .setRequestRouter((request, context) -> () -> new BasicServerExchangeHandler<>(new OkHandler()))
                .create();
        server.start();
        List<ProbeTarget> targets = new ArrayList<>();
        try {
            for (int i = 0; i < members; i++) {
                String ip = ips.get(i % addresses);
                ListenerEndpoint ep = server.listen(new InetSocketAddress(ip, 0), URIScheme.HTTPS).get();
                targets.add(ProbeTarget.https(ip, ((InetSocketAddress) ep.getAddress()).getPort()));
            }
            if (!json) {
                out.printf("%d HTTPS members on %d loopback addresses; concurrency %d; %d s measured per client%n",
                        members, addresses, members, seconds);
                out.flush();
            }
            HealthTest test = HealthTest.builder().path("/health").responseMatch(MATCH).timeout(Duration.ofSeconds(10)).build();
            Figures ours = run("hakit HealthProber (HttpClient 5 async)", () -> {
                HealthProber prober = HealthProber.builder().tls(t -> t.trust(ca.chain())).resolver(HostResolver.system())
                        .maxConnections(members * 2).maxConnectionsPerTarget(1).build();
                return new Client() {
                    @Override
                    public CompletableFuture<Boolean> probe(int member) {
                        return prober.probe(targets.get(member), test).thenApply(r -> {
                            if (!r.passed()) {
                                sampleFailure.compareAndSet(null, r.toString());
                            }
                            return r.passed();
                        });
                    }

                    @Override
                    public void close() {
                        prober.close();
                    }
                };
            }, out);
            Figures jdk = run("JDK java.net.http.HttpClient (async)", () -> {
                HttpClient client = HttpClient.newBuilder().sslContext(ca.clientContext())
                        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                List<HttpRequest> requests = new ArrayList<>();
                for (ProbeTarget t : targets) {
                    requests.add(HttpRequest.newBuilder(URI.create(t.url("/health"))).timeout(Duration.ofSeconds(10)).GET().build());
                }
                return new Client() {
                    @Override
                    public CompletableFuture<Boolean> probe(int member) {
                        return client.sendAsync(requests.get(member), HttpResponse.BodyHandlers.ofString())
                                .handle((r, e) -> {
                                    if (e != null) {
                                        sampleFailure.compareAndSet(null, e.toString());
                                    }
                                    return r;
                                })
                                .handle((r, e) -> r != null && r.statusCode() >= 200 && r.statusCode() <= 399
                                        && r.body().contains(MATCH));
                    }

                    @Override
                    public void close() {
                        // the JDK 17 client has no close(); drop it and let GC reclaim its connections
                    }
                };
            }, out);
            print(out, ours, jdk);
            return 0;
        } finally {
            server.close(CloseMode.IMMEDIATE);
        }
    }

    /** Creates a client. */
    interface ClientFactory {
        Client create();
    }

    private Figures run(String name, ClientFactory factory, PrintWriter out) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
        gc();
        int threadsBefore = threads.getThreadCount();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        Client client = factory.create();
        try {
            // first round: every member once, all at once, TLS handshakes included
            long t0 = System.nanoTime();
            List<CompletableFuture<Boolean>> round = new ArrayList<>(members);
            for (int i = 0; i < members; i++) {
                round.add(client.probe(i));
            }
            int firstFailures = 0;
            for (CompletableFuture<Boolean> f : round) {
                if (!f.join()) {
                    firstFailures++;
                }
            }
            double firstMs = (System.nanoTime() - t0) / 1e6;
            if (!json) {
                out.printf("%s: first round %.0f ms (%d failed%s); warming up...%n", name, firstMs, firstFailures,
                        sampleFailure.get() == null ? "" : ", e.g. " + sampleFailure.get());
                sampleFailure.set(null);
                out.flush();
            }
            sustain(client, Duration.ofSeconds(2), null, new AtomicLong(), new AtomicLong());
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long s0 = System.nanoTime();
            int peakThreads = sustain(client, Duration.ofSeconds(seconds), histogram, done, failed);
            double elapsed = (System.nanoTime() - s0) / 1e9;
            gc();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            return new Figures(name, firstMs, firstFailures, done.get(), failed.get(), done.get() / elapsed,
                    percentile(histogram, done.get(), 0.50), percentile(histogram, done.get(), 0.99),
                    Math.max(0, peakThreads - threadsBefore), Math.max(0, heapAfter - heapBefore) / (1024.0 * 1024.0));
        } finally {
            client.close();
            gc();
        }
    }

    /** Closed loop: every member always has one probe in flight; returns the peak thread count seen. */
    private int sustain(Client client, Duration duration, AtomicLongArray histogram, AtomicLong done, AtomicLong failed)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(members);
        for (int i = 0; i < members; i++) {
            loop(client, i, end, histogram, done, failed, finished);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int peak = threads.getThreadCount();
        while (!finished.await(100, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, threads.getThreadCount());
        }
        return peak;
    }

    private void loop(Client client, int member, long end, AtomicLongArray histogram, AtomicLong done, AtomicLong failed,
            CountDownLatch finished) {
        long start = System.nanoTime();
        client.probe(member).whenComplete((ok, e) -> {
            long now = System.nanoTime();
            if (histogram != null) {
                histogram.incrementAndGet((int) Math.min(BUCKETS - 1, (now - start) / BUCKET_NANOS));
            }
            done.incrementAndGet();
            if (e != null || !Boolean.TRUE.equals(ok)) {
                failed.incrementAndGet();
            }
            if (now < end) {
                loop(client, member, end, histogram, done, failed, finished);
            } else {
                finished.countDown();
            }
        });
    }

    private static double percentile(AtomicLongArray histogram, long total, double p) {
        long want = (long) Math.ceil(total * p);
        long seen = 0;
        for (int i = 0; i < histogram.length(); i++) {
            seen += histogram.get(i);
            if (seen >= want && want > 0) {
                return (i + 1) * BUCKET_NANOS / 1e6;
            }
        }
        return Double.NaN;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    private void print(PrintWriter out, Figures ours, Figures jdk) throws Exception {
        double ratio = ours.probesPerSecond() / jdk.probesPerSecond();
        if (json) {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            root.put("benchmark", "health");
            root.put("members", members);
            root.put("addresses", addresses);
            root.put("concurrency", members);
            root.put("measuredSeconds", seconds);
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.set("hakit", m.valueToTree(ours));
            root.set("jdkHttpClient", m.valueToTree(jdk));
            root.put("sustainedRatio", ratio);
            root.put("firstRoundRatio", jdk.firstRoundMs() / ours.firstRoundMs());
            ObjectNode targets = root.putObject("targets");
            targets.put("probesPerSecond", ours.probesPerSecond() >= 5000);
            targets.put("firstRoundUnder2s", ours.firstRoundMs() < 2000);
            targets.put("heapAtMost64MiB", ours.heapMiB() <= 64);
            targets.put("aheadOfJdk", ratio > 1);
            out.println(m.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf("%n%-40s %12s %12s%n", "", "hakit", "JDK client");
            row(out, "first round (ms, TLS included)", ours.firstRoundMs(), jdk.firstRoundMs(), "%.0f");
            row(out, "first-round failures", ours.firstRoundFailures(), jdk.firstRoundFailures(), "%.0f");
            row(out, "sustained probes/s (keep-alive)", ours.probesPerSecond(), jdk.probesPerSecond(), "%.0f");
            row(out, "probe failures while sustained", ours.failures(), jdk.failures(), "%.0f");
            row(out, "p50 latency (ms)", ours.p50Ms(), jdk.p50Ms(), "%.2f");
            row(out, "p99 latency (ms)", ours.p99Ms(), jdk.p99Ms(), "%.2f");
            row(out, "threads added", ours.threads(), jdk.threads(), "%.0f");
            row(out, "heap retained (MiB, incl. server side)", ours.heapMiB(), jdk.heapMiB(), "%.1f");
            out.printf("%nsustained ratio hakit / JDK: %.2fx; first round ratio JDK / hakit: %.2fx%n", ratio,
                    jdk.firstRoundMs() / ours.firstRoundMs());
            out.printf("targets: >= 5,000 probes/s %s, first round < 2 s %s, heap <= 64 MiB %s, ahead of JDK %s%n",
                    ok(ours.probesPerSecond() >= 5000), ok(ours.firstRoundMs() < 2000), ok(ours.heapMiB() <= 64), ok(ratio > 1));
        }
        out.flush();
    }

    private static void row(PrintWriter out, String label, double a, double b, String fmt) {
        out.printf("%-40s %12s %12s%n", label, String.format(fmt, a), String.format(fmt, b));
    }

    private static String ok(boolean b) {
        return b ? "met" : "MISSED";
    }

    /** Answers 200 with a small body to every request, keeping connections alive. */
    private static final class OkHandler implements AsyncServerRequestHandler<Message<org.apache.hc.core5.http.HttpRequest, Void>> {
        @Override
        public AsyncRequestConsumer<Message<org.apache.hc.core5.http.HttpRequest, Void>> prepare(
                org.apache.hc.core5.http.HttpRequest request, EntityDetails entityDetails,
                HttpContext context) {
            return new BasicRequestConsumer<>(entityDetails != null ? new DiscardingEntityConsumer<>() : null);
        }

        @Override
        public void handle(Message<org.apache.hc.core5.http.HttpRequest, Void> message, ResponseTrigger trigger, HttpContext context)
                throws HttpException, java.io.IOException {
            trigger.submitResponse(AsyncResponseBuilder.create(200)
                    .setEntity(BODY, ContentType.TEXT_PLAIN).build(), context);
        }
    }
}
