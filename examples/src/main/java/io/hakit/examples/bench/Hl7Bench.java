package io.hakit.examples.bench;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.examples.cli.Hakit;
import io.hakit.examples.cli.Hl7Command;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpClient;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpFrameEncoder;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.SenderEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hakit bench hl7}: MLLP throughput and latency of four client/server pairs side by
 * side on loopback with one message outstanding, then the failover time of
 * {@link FailoverMllpSender}.
 *
 * <p>Pairs: (a) hakit client to hakit listener, (b) HAPI client to HAPI server, (c) hakit
 * client to HAPI server, (d) a minimal blocking-socket MLLP pair (the practical limit), and
 * (e) HAPI client to hakit listener (the second same-server comparison). The pairs are
 * measured in interleaved rounds so that drift of a shared machine hits them alike.
 */
@Command(name = "hl7",
        mixinStandardHelpOptions = true,
        description = {"MLLP throughput/latency of hakit, HAPI and raw sockets side by side; failover time.",
            "Pairs run on loopback with one message outstanding, interleaved in rounds; then the failover",
            "sender's time from the active listener's death to the first ACK from the standby.",
            "Exit 1 if the failover measurement lost or reordered a message."})
public final class Hl7Bench implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--messages", defaultValue = "10000", paramLabel = "N",
            description = "Measured messages per pair (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--warmup", defaultValue = "3000", paramLabel = "N",
            description = "Warm-up messages per pair (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "20", paramLabel = "N",
            description = "Interleaved rounds the measured messages are split into (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--ack-timeout", defaultValue = "1s", paramLabel = "DURATION",
            converter = Hl7Command.DurationConverter.class,
            description = "ACK time-out of the failover measurement (default: ${DEFAULT-VALUE}).")
    Duration ackTimeout;

    @Option(names = "--failover-runs", defaultValue = "3", paramLabel = "N",
            description = "Failovers measured per mode, kill and hang (default: ${DEFAULT-VALUE}).")
    int failoverRuns;

    @Option(names = "--verbose", description = "Show library and HAPI log output.")
    boolean verbose;

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One client/server pair under measurement. */
    private abstract static class Pair implements AutoCloseable {
        final String key;
        final String name;
        final String client;
        final String server;
        long[] latencies;
        int recorded;
        long elapsedNanos;

        Pair(String key, String name, String client, String server) {
            this.key = key;
            this.name = name;
            this.client = client;
            this.server = server;
        }

        abstract void exchange(int i) throws Exception;

        @Override
        public abstract void close() throws Exception;

        double msgPerSec() {
            return recorded / (elapsedNanos / 1e9);
        }

        double percentileMicros(double p) {
            long[] sorted = Arrays.copyOf(latencies, recorded);
            Arrays.sort(sorted);
            int idx = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, idx)] / 1000.0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (messages < 100 || warmup < 0 || rounds < 1 || failoverRuns < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--messages must be at least 100, --warmup at least 0, --rounds and --failover-runs at least 1");
        }
        boolean asJson = json || "json".equalsIgnoreCase(format);
        if (!verbose) {
            System.setProperty("org.slf4j.simpleLogger.log.ca.uhn.hl7v2", "error");
            System.setProperty("org.slf4j.simpleLogger.log.io.hakit.hl7", "error");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int total = warmup + messages;
        String template = sample("BENCH0000000");
        int size = template.getBytes(StandardCharsets.ISO_8859_1).length;

        List<Pair> pairs = new ArrayList<>();
        HapiContext serverCtx = hapiContext();
        HapiContext clientCtx = hapiContext();
        HapiContext clientCtx2 = hapiContext();
        int hapiPort = freePort();
        HL7Service hapiServer = serverCtx.newServer(hapiPort, false);
        hapiServer.registerApplication(new ReceivingApplication<Message>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) {
                try {
                    return message.generateACK();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        hapiServer.startAndWait();
        MllpListener listener = MllpListener.builder().bindAddress(LOOPBACK).port(0).build().start();
        try {
            pairs.add(ours("a", "hakit client -> hakit listener", "hakit", listener.endpoint(), total));
            pairs.add(hapi("b", "HAPI client -> HAPI server", "HAPI", clientCtx, hapiPort, template));
            pairs.add(ours("c", "hakit client -> HAPI server", "HAPI", MllpEndpoint.of("127.0.0.1", hapiPort), total));
            pairs.add(raw(template));
            pairs.add(hapi("e", "HAPI client -> hakit listener", "hakit", clientCtx2, listener.port(), template));

            err.printf("hl7 bench: %d pairs, %d warm-up + %d measured messages each (%d-byte ADT^A01), %d rounds...%n",
                    pairs.size(), warmup, messages, size, rounds);
            err.flush();
            for (Pair p : pairs) {
                p.latencies = new long[messages];
                for (int i = 0; i < warmup; i++) {
                    p.exchange(i);
                }
            }
            int perRound = messages / rounds;
            int next = warmup;
            for (int r = 0; r < rounds; r++) {
                int n = r == rounds - 1 ? messages - perRound * (rounds - 1) : perRound;
                for (Pair p : pairs) {
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        long t0 = System.nanoTime();
                        p.exchange(next + i);
                        p.latencies[p.recorded++] = System.nanoTime() - t0;
                    }
                    p.elapsedNanos += System.nanoTime() - start;
                }
                next += n;
            }
        } finally {
            for (Pair p : pairs) {
                try {
                    p.close();
                } catch (Exception e) {
                    // measuring is over
                }
            }
            listener.close();
            hapiServer.stopAndWait();
            serverCtx.close();
            clientCtx.close();
            clientCtx2.close();
        }

        err.printf("hl7 bench: failover, %d kill and %d hang runs, ACK time-out %d ms...%n",
                failoverRuns, failoverRuns, ackTimeout.toMillis());
        err.flush();
        List<FailoverRun> runs = new ArrayList<>();
        for (int i = 0; i < failoverRuns; i++) {
            runs.add(failover(true));
            runs.add(failover(false));
        }

        Map<String, Pair> byKey = new LinkedHashMap<>();
        pairs.forEach(p -> byKey.put(p.key, p));
        double cOverB = byKey.get("c").msgPerSec() / byKey.get("b").msgPerSec();
        double aOverE = byKey.get("a").msgPerSec() / byKey.get("e").msgPerSec();
        double aOverD = byKey.get("a").msgPerSec() / byKey.get("d").msgPerSec();
        double maxKill = runs.stream().filter(r -> r.kill).mapToDouble(r -> r.millis).max().orElse(0);
        double maxHang = runs.stream().filter(r -> !r.kill).mapToDouble(r -> r.millis).max().orElse(0);
        long lost = runs.stream().mapToLong(r -> r.lost).sum();
        long reordered = runs.stream().mapToLong(r -> r.reordered).sum();
        long duplicates = runs.stream().mapToLong(r -> r.duplicates).sum();
        long limit = ackTimeout.toMillis() + 250;

        if (asJson) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("benchmark", "hl7");
            root.put("messageBytes", size).put("warmup", warmup).put("messages", messages).put("rounds", rounds)
                    .put("outstanding", 1);
            ArrayNode arr = root.putArray("pairs");
            for (Pair p : pairs) {
                arr.addObject().put("pair", p.key).put("name", p.name).put("client", p.client).put("server", p.server)
                        .put("msgPerSec", round(p.msgPerSec(), 0)).put("p50Micros", round(p.percentileMicros(0.50), 1))
                        .put("p99Micros", round(p.percentileMicros(0.99), 1));
            }
            ObjectNode ratios = root.putObject("ratios");
            ratios.put("oursOverHapiSameHapiServer", round(cOverB, 2));
            ratios.put("oursOverHapiSameHakitListener", round(aOverE, 2));
            ratios.put("oursOverRaw", round(aOverD, 2));
            ObjectNode fo = root.putObject("failover");
            fo.put("ackTimeoutMs", ackTimeout.toMillis()).put("limitMs", limit)
                    .put("maxKillMs", round(maxKill, 1)).put("maxHangMs", round(maxHang, 1))
                    .put("lost", lost).put("reordered", reordered).put("duplicates", duplicates);
            ArrayNode runArr = fo.putArray("runs");
            for (FailoverRun r : runs) {
                runArr.addObject().put("mode", r.kill ? "kill" : "hang").put("failoverMs", round(r.millis, 1))
                        .put("sent", r.sent).put("lost", r.lost).put("reordered", r.reordered).put("duplicates", r.duplicates);
            }
            ObjectNode targets = root.putObject("targets");
            targets.put("oursOverHapiAtLeast3", cOverB >= 3.0);
            targets.put("oursOverRawAtLeast0.7", aOverD >= 0.7);
            targets.put("failoverWithinAckTimeoutPlus250ms", Math.max(maxKill, maxHang) <= limit);
            targets.put("zeroLost", lost == 0);
            targets.put("zeroReordered", reordered == 0);
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf("HL7 over MLLP on loopback, one message outstanding, %d-byte ADT^A01;%n", size);
            out.printf("%d measured messages per pair after %d warm-up, %d interleaved rounds%n%n", messages, warmup, rounds);
            out.printf("%-36s %10s %10s %10s%n", "pair", "msg/s", "p50 us", "p99 us");
            for (Pair p : pairs) {
                out.printf("(%s) %-32s %10.0f %10.1f %10.1f%n", p.key, p.name, p.msgPerSec(),
                        p.percentileMicros(0.50), p.percentileMicros(0.99));
            }
            out.printf("%nours/HAPI, same HAPI server (c/b):     %5.2f  (target >= 3)%n", cOverB);
            out.printf("ours/HAPI, same hakit listener (a/e):  %5.2f%n", aOverE);
            out.printf("ours/raw (a/d):                        %5.2f  (target >= 0.70)%n%n", aOverD);
            out.printf("failover, ACK time-out %d ms (target <= %d ms):%n", ackTimeout.toMillis(), limit);
            for (FailoverRun r : runs) {
                out.printf("  %-5s listener: first ACK from the standby after %8.1f ms; sent %d, lost %d, reordered %d,"
                        + " duplicates %d%n", r.kill ? "kill" : "hang", r.millis, r.sent, r.lost, r.reordered, r.duplicates);
            }
            out.printf("  max: kill %.1f ms, hang %.1f ms; lost %d; reordered %d%n", maxKill, maxHang, lost, reordered);
        }
        out.flush();
        return lost == 0 && reordered == 0 ? Hakit.OK : Hakit.FOUND_WANTING;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static String sample(String controlId) {
        return "MSH|^~\\&|REGADT|GOOD HEALTH HOSPITAL|PSIS|PATIENTSECURE|20261125101500||ADT^A01^ADT_A01|" + controlId
                + "|P|2.5\r"
                + "EVN|A01|20261125101500\r"
                + "PID|1||PAT000123^^^GHH^MR||DOE^JOHN^Q||19700101|M|||1 MAIN ST^^SPRINGFIELD^IL^62701\r"
                + "PV1|1|I|2000^2012^01||||004777^ATTEND^AARON^A|||SUR||||ADM|A0|\r";
    }

    private static Pair ours(String key, String name, String server, MllpEndpoint endpoint, int total) {
        List<Hl7Message> msgs = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            msgs.add(Hl7Message.parse(sample(String.format("B%s%011d", key, i))));
        }
        MllpClient mllp = MllpClient.builder().endpoint(endpoint).ackTimeout(Duration.ofSeconds(10)).build();
        return new Pair(key, name, "hakit", server) {
            @Override
            void exchange(int i) {
                if (mllp.send(msgs.get(i)).code() != AckCode.AA) {
                    throw new IllegalStateException("not accepted");
                }
            }

            @Override
            public void close() {
                mllp.close();
            }
        };
    }

    private static Pair hapi(String key, String name, String server, HapiContext ctx, int port, String text)
            throws Exception {
        Message message = ctx.getPipeParser().parse(text);
        Connection connection = ctx.newClient("127.0.0.1", port, false);
        Initiator initiator = connection.getInitiator();
        initiator.setTimeout(10, TimeUnit.SECONDS);
        return new Pair(key, name, "HAPI", server) {
            @Override
            void exchange(int i) throws Exception {
                initiator.sendAndReceive(message);
            }

            @Override
            public void close() throws Exception {
                connection.close();
            }
        };
    }

    private static Pair raw(String text) throws IOException {
        byte[] frame = MllpFrameEncoder.encode(text.getBytes(StandardCharsets.ISO_8859_1));
        byte[] ack = MllpFrameEncoder.encode(("MSH|^~\\&|PSIS|PATIENTSECURE|REGADT|GOOD HEALTH HOSPITAL|20261125101500||"
                + "ACK^A01^ACK|1|P|2.5\rMSA|AA|BENCH0000000\r").getBytes(StandardCharsets.ISO_8859_1));
        ServerSocket rawServer = new ServerSocket(0, 50, LOOPBACK);
        Thread serverThread = new Thread(() -> {
            try (Socket s = rawServer.accept()) {
                s.setTcpNoDelay(true);
                InputStream in = s.getInputStream();
                OutputStream o = s.getOutputStream();
                byte[] buf = new byte[16384];
                byte prev = 0;
                int n;
                while ((n = in.read(buf)) >= 0) {
                    for (int i = 0; i < n; i++) {
                        if (prev == 0x1C && buf[i] == 0x0D) {
                            o.write(ack);
                        }
                        prev = buf[i];
                    }
                }
            } catch (IOException e) {
                // benchmark over
            }
        }, "bench-raw-server");
        serverThread.setDaemon(true);
        serverThread.start();
        Socket socket = new Socket(LOOPBACK, rawServer.getLocalPort());
        socket.setTcpNoDelay(true);
        InputStream in = socket.getInputStream();
        OutputStream o = socket.getOutputStream();
        byte[] buf = new byte[16384];
        return new Pair("d", "raw blocking-socket MLLP pair", "raw", "raw") {
            @Override
            void exchange(int i) throws IOException {
                o.write(frame);
                byte prev = 0;
                while (true) {
                    int n = in.read(buf);
                    if (n < 0) {
                        throw new IOException("raw server closed");
                    }
                    if (n >= 2 && buf[n - 2] == 0x1C && buf[n - 1] == 0x0D || n == 1 && prev == 0x1C && buf[0] == 0x0D) {
                        return;
                    }
                    prev = buf[n - 1];
                }
            }

            @Override
            public void close() throws IOException {
                socket.close();
                rawServer.close();
            }
        };
    }

    /** One failover measurement. */
    private static final class FailoverRun {
        boolean kill;
        double millis;
        long sent;
        long lost;
        long reordered;
        long duplicates;
    }

    private FailoverRun failover(boolean kill) throws Exception {
        List<String> received = new ArrayList<>();
        AtomicBoolean hung = new AtomicBoolean();
        MllpListener a = MllpListener.builder().bindAddress(LOOPBACK).port(0).handler(m -> {
            synchronized (received) {
                received.add(m.controlId());
            }
            return hung.get() ? null : m.createAck(AckCode.AA, null);
        }).build().start();
        MllpListener b = MllpListener.builder().bindAddress(LOOPBACK).port(0).handler(m -> {
            synchronized (received) {
                received.add(m.controlId());
            }
            return m.createAck(AckCode.AA, null);
        }).build().start();
        MllpEndpoint standby = b.endpoint();
        AtomicLong firstFromStandby = new AtomicLong();
        AtomicLong deliveredCount = new AtomicLong();
        FailoverMllpSender sender = FailoverMllpSender.builder().endpoint(a.endpoint()).endpoint(standby)
                .ackTimeout(ackTimeout).connectTimeout(Duration.ofSeconds(1)).reconnectDelay(Duration.ofMillis(10))
                .listener(e -> {
                    if (e instanceof SenderEvent.Delivered) {
                        deliveredCount.incrementAndGet();
                        if (((SenderEvent.Delivered) e).endpoint().equals(standby)) {
                            firstFromStandby.compareAndSet(0, System.nanoTime());
                        }
                    }
                }).build();
        List<String> sent = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                String id = String.format("F%s%09d", kill ? "K" : "H", i);
                synchronized (sent) {
                    sent.add(id);
                }
                sender.send(Hl7Message.parse(sample(id)));
            }
        }, "bench-failover-producer");
        FailoverRun run = new FailoverRun();
        run.kill = kill;
        try {
            producer.start();
            while (deliveredCount.get() < 500) {
                Thread.sleep(1);
            }
            long t0 = System.nanoTime();
            if (kill) {
                a.close();
            } else {
                hung.set(true);
            }
            long deadline = System.nanoTime() + ackTimeout.toNanos() + TimeUnit.SECONDS.toNanos(10);
            while (firstFromStandby.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            run.millis = firstFromStandby.get() == 0 ? Double.NaN : (firstFromStandby.get() - t0) / 1e6;
            long after = deliveredCount.get();
            while (deliveredCount.get() < after + 500 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } finally {
            stop.set(true);
            producer.join(ackTimeout.toMillis() + 5000);
            sender.close();
            a.close();
            b.close();
        }
        List<String> sentCopy;
        synchronized (sent) {
            sentCopy = new ArrayList<>(sent);
        }
        // the last message may have been accepted by send() but not yet answered when stopped
        List<String> firsts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int dup = 0;
        synchronized (received) {
            for (String id : received) {
                if (seen.add(id)) {
                    firsts.add(id);
                } else {
                    dup++;
                }
            }
        }
        long lost = 0;
        for (String id : sentCopy.subList(0, Math.max(0, sentCopy.size() - 1))) {
            if (!seen.contains(id)) {
                lost++;
            }
        }
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < sentCopy.size(); i++) {
            position.put(sentCopy.get(i), i);
        }
        long reordered = 0;
        int last = -1;
        for (String id : firsts) {
            int p = position.getOrDefault(id, -1);
            if (p < last) {
                reordered++;
            } else {
                last = p;
            }
        }
        run.sent = sentCopy.size();
        run.lost = lost;
        run.reordered = reordered;
        run.duplicates = dup;
        return run;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /** A HAPI context with validation off and server sockets bound to loopback only. */
    private static HapiContext hapiContext() {
        HapiContext ctx = new DefaultHapiContext(ValidationContextFactory.noValidation());
        // HAPI's default ID generator writes an id_file into the working directory
        ctx.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
        ctx.setSocketFactory(new StandardSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    @Override
                    public void bind(SocketAddress endpoint, int backlog) throws IOException {
                        int port = endpoint instanceof InetSocketAddress ? ((InetSocketAddress) endpoint).getPort() : 0;
                        super.bind(new InetSocketAddress(LOOPBACK, port), backlog);
                    }
                };
            }
        });
        return ctx;
    }
}
