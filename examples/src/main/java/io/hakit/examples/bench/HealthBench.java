package io.hakit.examples.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.ProbeTarget;
import io.hakit.model.HealthTest;
import io.hakit.model.cert.CertificateChain;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.cert.Pem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hakit bench health}: 1,000 HTTPS members on loopback (many 127.0.0.x addresses ×
 * ports, served by {@link HealthBenchServers} in a child JVM so that this JVM holds only the
 * client), probed by hakit's {@link HealthProber} and, side by side in the same run, by the
 * JDK's {@link HttpClient} doing the same probes asynchronously at the same concurrency.
 * Measures the first round (TLS handshakes included), then sustained probes/s over
 * kept-alive connections, p50/p99 latency, the threads the client added and the heap it
 * retains under load (used heap right after a full GC, less the heap before the client).
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Benchmark HTTPS health probes of many members on loopback, side by side with the JDK HttpClient.",
            "Targets: >= 5,000 probes/s sustained on 2 cores, first round < 2 s, <= 64 MiB heap, ahead of the JDK client."})
public final class HealthBench implements Callable<Integer> {

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

    @Option(names = "--warmup-rounds", defaultValue = "1",
            description = "Unmeasured first rounds per client before anything is measured, so JIT and class loading are"
                    + " not charged to whichever client runs first; 0 measures a cold JVM (default ${DEFAULT-VALUE}).")
    int warmupRounds;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Measured first rounds per client, each with a new client, the clients alternating;"
                    + " the median is reported with the range (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--server-threads", defaultValue = "2",
            description = "I/O threads of the member servers' child JVM (default ${DEFAULT-VALUE}).")
    int serverThreads;

    @Option(names = "--key-type", defaultValue = "RSA",
            description = "Key type of the members' certificates: RSA (2048, what hospital CAs usually issue) or EC"
                    + " (P-256) (default ${DEFAULT-VALUE}).")
    ThrowawayCa.KeyType keyType;

    @Spec
    CommandSpec spec;

    private MemberServers servers;

    private final java.util.concurrent.atomic.AtomicReference<String> sampleFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The figures of one client. */
    record Figures(String client, double firstRoundMs, double firstRoundMinMs, double firstRoundMaxMs,
            double firstRoundCpuMs, double firstRoundServerCpuMs, int firstRoundFailures, long probes, long failures,
            double probesPerSecond, double p50Ms, double p99Ms, int threads, double heapMiB, double heapBaselineMiB) {
    }

    /** One measured first round: wall time, this JVM's CPU time, the servers' CPU time, failed probes. */
    record Round(double ms, double cpuMs, double serverCpuMs, int failures) {
    }

    /** One client under test: fire a probe of member i, completing with whether it passed. */
    interface Client extends AutoCloseable {
        CompletableFuture<Boolean> probe(int member);

        @Override
        void close();
    }

    @Override
    public Integer call() throws Exception {
        if (members < 1 || addresses < 1 || addresses > 250 || seconds < 1 || warmupRounds < 0 || rounds < 1) {
            throw new IllegalArgumentException(
                    "--members, --seconds and --rounds must be positive, --warmup-rounds not negative, --addresses 1-250");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (MemberServers started = MemberServers.start(members, addresses, serverThreads, keyType)) {
            servers = started;
            List<ProbeTarget> targets = servers.targets();
            CertificateChain ca = servers.ca();
            if (!json) {
                out.printf("%d HTTPS members on %d loopback addresses (servers in child JVM pid %d, %s certificates);"
                        + " concurrency %d; %d s measured per client%n", members, addresses, servers.pid(), keyType,
                        members, seconds);
                out.flush();
            }
            HealthTest test = HealthTest.builder().path("/health").responseMatch(MATCH).timeout(Duration.ofSeconds(10)).build();
            ClientFactory oursFactory = () -> {
                HealthProber prober = HealthProber.builder().tls(t -> t.trust(ca)).resolver(HostResolver.system())
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
            };
            ClientFactory jdkFactory = () -> {
                HttpClient client = HttpClient.newBuilder().sslContext(clientContext(ca))
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
            };
            // JIT and class loading of the TLS stack are paid here by both clients alike,
            // so the first measured client does not carry them for the second
            for (int i = 0; i < warmupRounds; i++) {
                firstRound(oursFactory);
                firstRound(jdkFactory);
            }
            sampleFailure.set(null);
            List<Round> oursRounds = new ArrayList<>();
            List<Round> jdkRounds = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                oursRounds.add(firstRound(oursFactory));
                jdkRounds.add(firstRound(jdkFactory));
                if (!json) {
                    out.printf("first round %d: hakit %.0f ms (%d failed), JDK %.0f ms (%d failed)%s%n", i + 1,
                            oursRounds.get(i).ms(), oursRounds.get(i).failures(), jdkRounds.get(i).ms(),
                            jdkRounds.get(i).failures(), sampleFailure.get() == null ? "" : "; e.g. " + sampleFailure.get());
                    sampleFailure.set(null);
                    out.flush();
                }
            }
            Figures ours = run("hakit HealthProber (HttpClient 5 async)", oursFactory, oursRounds, out);
            Figures jdk = run("JDK java.net.http.HttpClient (async)", jdkFactory, jdkRounds, out);
            print(out, ours, jdk);
            return 0;
        }
    }

    /** A new client probes every member once, all at once, TLS handshakes included. */
    private Round firstRound(ClientFactory factory) throws InterruptedException {
        gc();
        try (Client client = factory.create()) {
            return connectRound(client);
        }
    }

    private Round connectRound(Client client) {
        long server0 = servers.cpuNanos();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        List<CompletableFuture<Boolean>> round = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            round.add(client.probe(i));
        }
        int failures = 0;
        for (CompletableFuture<Boolean> f : round) {
            if (!f.join()) {
                failures++;
            }
        }
        return new Round((System.nanoTime() - t0) / 1e6, (processCpuNanos() - cpu0) / 1e6,
                (servers.cpuNanos() - server0) / 1e6, failures);
    }

    private static SSLContext clientContext(CertificateChain ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (X509Certificate c : ca.certificates()) {
                trust.setCertificateEntry("ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the JDK client's TLS context", e);
        }
    }

    /** Creates a client. */
    interface ClientFactory {
        Client create();
    }

    private Figures run(String name, ClientFactory factory, List<Round> firstRounds, PrintWriter out) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
        gc();
        // threads are counted by identity: idle pool threads left by an earlier client are not this client's
        Set<Long> threadsBefore = new HashSet<>();
        for (long id : threads.getAllThreadIds()) {
            threadsBefore.add(id);
        }
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        Client client = factory.create();
        try {
            connectRound(client); // this client's own connections, unmeasured
            if (!json) {
                out.printf("%s: sustained load...%n", name);
                out.flush();
            }
            sustain(client, Duration.ofSeconds(2), null, new AtomicLong(), new AtomicLong(), false, threadsBefore);
            AtomicLong done = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long s0 = System.nanoTime();
            long[] peakAndHeap = sustain(client, Duration.ofSeconds(seconds), histogram, done, failed, false, threadsBefore);
            double elapsed = (System.nanoTime() - s0) / 1e9;
            // heap retained while probing: a second, unmeasured stretch of the same load with a full GC
            // half-way, so the figure holds the pooled connections and the probes in flight
            long[] loaded = sustain(client, Duration.ofSeconds(2), null, new AtomicLong(), new AtomicLong(), true,
                    threadsBefore);
            long heapAfter = loaded[1];
            int addedThreads = (int) Math.max(peakAndHeap[0], loaded[0]);
            double[] ms = firstRounds.stream().mapToDouble(Round::ms).sorted().toArray();
            double[] cpu = firstRounds.stream().mapToDouble(Round::cpuMs).sorted().toArray();
            double[] serverCpu = firstRounds.stream().mapToDouble(Round::serverCpuMs).sorted().toArray();
            return new Figures(name, median(ms), ms[0], ms[ms.length - 1], median(cpu), median(serverCpu),
                    firstRounds.stream().mapToInt(Round::failures).sum(), done.get(), failed.get(), done.get() / elapsed,
                    percentile(histogram, done.get(), 0.50), percentile(histogram, done.get(), 0.99),
                    addedThreads, Math.max(0, heapAfter - heapBefore) / (1024.0 * 1024.0), heapBefore / (1024.0 * 1024.0));
        } finally {
            client.close();
        }
    }

    /**
     * Closed loop: every member always has one probe in flight.
     *
     * @return the peak count of live threads not in {@code baseline} and, when {@code sampleHeap}, the heap used right
     *         after a full GC half-way through (else 0)
     */
    private long[] sustain(Client client, Duration duration, AtomicLongArray histogram, AtomicLong done, AtomicLong failed,
            boolean sampleHeap, Set<Long> baseline) throws InterruptedException {
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(members);
        for (int i = 0; i < members; i++) {
            loop(client, i, end, histogram, done, failed, finished);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int peak = added(threads, baseline);
        long heap = 0;
        while (!finished.await(100, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, added(threads, baseline));
            if (sampleHeap && heap == 0 && System.nanoTime() - begin > duration.toNanos() / 2) {
                System.gc();
                heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
        }
        return new long[] {peak, heap};
    }

    private static int added(ThreadMXBean threads, Set<Long> baseline) {
        int n = 0;
        for (long id : threads.getAllThreadIds()) {
            if (!baseline.contains(id)) {
                n++;
            }
        }
        return n;
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

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static boolean jdkSelectorAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"));
    }

    /** CPU time of this JVM (the client side only: the servers run in the child), or 0 when not known. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? Math.max(0, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()) : 0;
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

    /**
     * Collects until the used heap settles: a dropped JDK client is released by its selector
     * thread only some time after it became unreachable, so one GC is not enough.
     */
    private static void gc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // a dropped JDK client holds its connections until its selector thread has noticed and ended
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (jdkSelectorAlive() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(200);
        }
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            System.gc();
            Thread.sleep(250);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(last - used) < 256 * 1024 && i >= 2) {
                return;
            }
            last = used;
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
            out.printf("%-40s %12s %12s%n", "first round (ms, TLS incl.; median of " + rounds + ")",
                    String.format("%.0f", ours.firstRoundMs()), String.format("%.0f", jdk.firstRoundMs()));
            out.printf("%-40s %12s %12s%n", "  range (ms)",
                    String.format("%.0f-%.0f", ours.firstRoundMinMs(), ours.firstRoundMaxMs()),
                    String.format("%.0f-%.0f", jdk.firstRoundMinMs(), jdk.firstRoundMaxMs()));
            row(out, "first round client CPU (ms)", ours.firstRoundCpuMs(), jdk.firstRoundCpuMs(), "%.0f");
            row(out, "first round server CPU (ms, child JVM)", ours.firstRoundServerCpuMs(), jdk.firstRoundServerCpuMs(), "%.0f");
            row(out, "first-round failures (all rounds)", ours.firstRoundFailures(), jdk.firstRoundFailures(), "%.0f");
            row(out, "sustained probes/s (keep-alive)", ours.probesPerSecond(), jdk.probesPerSecond(), "%.0f");
            row(out, "probe failures while sustained", ours.failures(), jdk.failures(), "%.0f");
            row(out, "p50 latency (ms)", ours.p50Ms(), jdk.p50Ms(), "%.2f");
            row(out, "p99 latency (ms)", ours.p99Ms(), jdk.p99Ms(), "%.2f");
            row(out, "threads added", ours.threads(), jdk.threads(), "%.0f");
            row(out, "heap retained under load (MiB, after GC)", ours.heapMiB(), jdk.heapMiB(), "%.1f");
            row(out, "  JVM heap before the client (MiB)", ours.heapBaselineMiB(), jdk.heapBaselineMiB(), "%.1f");
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

    /** The member servers in a child JVM ({@link HealthBenchServers}); closing it ends the child. */
    static final class MemberServers implements AutoCloseable {
        private final Process process;
        private final Thread hook;
        private final CertificateChain ca;
        private final List<ProbeTarget> targets;

        private MemberServers(Process process, Thread hook, CertificateChain ca, List<ProbeTarget> targets) {
            this.process = process;
            this.hook = hook;
            this.ca = ca;
            this.targets = targets;
        }

        static MemberServers start(int members, int addresses, int ioThreads, ThrowawayCa.KeyType keyType)
                throws IOException {
            String java = ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HealthBenchServers.class.getName(), String.valueOf(members), String.valueOf(addresses),
                    String.valueOf(ioThreads), keyType.name())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            Thread hook = new Thread(p::destroyForcibly, "hakit-bench-servers-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
                StringBuilder pem = new StringBuilder();
                List<ProbeTarget> targets = new ArrayList<>(members);
                String line;
                while ((line = in.readLine()) != null && !line.startsWith(HealthBenchServers.READY)) {
                    if (line.startsWith(HealthBenchServers.MEMBER)) {
                        String[] f = line.split(" ");
                        targets.add(ProbeTarget.https(f[1], Integer.parseInt(f[2])));
                    } else {
                        pem.append(line).append('\n');
                    }
                }
                if (line == null || targets.size() != members) {
                    throw new IOException("the member servers did not start (child JVM exit "
                            + (p.isAlive() ? "pending" : String.valueOf(p.exitValue())) + ")");
                }
                return new MemberServers(p, hook, Pem.parse(pem.toString(), "the bench servers' CA"), List.copyOf(targets));
            } catch (IOException | RuntimeException e) {
                p.destroyForcibly();
                Runtime.getRuntime().removeShutdownHook(hook);
                throw e;
            }
        }

        long pid() {
            return process.pid();
        }

        /** @return the child JVM's CPU time so far, or 0 when the platform does not say */
        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }

        CertificateChain ca() {
            return ca;
        }

        List<ProbeTarget> targets() {
            return targets;
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close(); // the child exits when its stdin closes
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs
                }
            }
        }
    }
}
