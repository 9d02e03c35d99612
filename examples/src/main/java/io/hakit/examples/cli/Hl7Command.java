package io.hakit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hakit.hl7.Ack;
import io.hakit.hl7.MllpFrameDecoder;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.FailoverMllpSender;
import io.hakit.hl7.Hl7Handler;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.MllpListener;
import io.hakit.hl7.SenderEvent;
import io.hakit.hl7.UndeliveredException;
import io.hakit.hl7.spi.Outbox;
import io.hakit.model.cert.Pem;
import io.hakit.model.tls.TlsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hakit hl7}: send HL7 files over MLLP with failover, or run a lightweight receiver.
 */
@Command(name = "hl7",
        mixinStandardHelpOptions = true,
        description = "Send HL7 v2 messages over MLLP with failover, or receive them.",
        subcommands = {Hl7Command.Send.class, Hl7Command.Listen.class})
public final class Hl7Command implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Output formats. */
    enum Format { text, json }

    /** {@code hakit hl7 send}. */
    @Command(name = "send",
            mixinStandardHelpOptions = true,
            description = {"Send HL7 files over MLLP, failing over between endpoints.",
                "Messages in FILE... (CR, LF or CRLF segment ends; many per file) go to the first endpoint",
                "that answers, failing over to the next without losing or reordering any.",
                "Files are read as bytes; each message is read in the charset its MSH-18",
                "declares (--charset only for messages without MSH-18) and sent as those",
                "same bytes. Bytes not valid in that charset are an error naming the file",
                "and the message.",
                "Prints one line per message (control ID, ACK code, endpoint) as its ACK",
                "or failure arrives, then a summary. With every endpoint down, rounds are",
                "retried with back-off (--retry-delay doubling up to --max-retry-delay);",
                "the log reports changes of state only.",
                "Exit 0: every message accepted (AA/CA); 1: some were answered AE/AR or not delivered;",
                "2: usage error or unreadable file."})
    static final class Send implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--endpoint", required = true, paramLabel = "HOST:PORT",
                description = "A receiving endpoint; repeat for failover, in order of preference.")
        List<String> endpoints;

        @Option(names = "--resolve", paramLabel = "HOST=ADDR",
                description = "Connect to ADDR for HOST (the name is still used for TLS); repeatable.")
        List<String> resolve = new ArrayList<>();

        @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
                converter = DurationConverter.class, description = "Connect time-out (default: ${DEFAULT-VALUE}).")
        Duration connectTimeout;

        @Option(names = "--ack-timeout", paramLabel = "DURATION", defaultValue = "10s",
                converter = DurationConverter.class, description = "ACK time-out (default: ${DEFAULT-VALUE}).")
        Duration ackTimeout;

        @Option(names = "--give-up-after", paramLabel = "DURATION", defaultValue = "60s",
                converter = DurationConverter.class,
                description = "Report a message undelivered when no endpoint acknowledged it this long after it was"
                        + " queued; every message older than this is reported together, the rest go on"
                        + " (default: ${DEFAULT-VALUE}).")
        Duration giveUpAfter;

        @Option(names = "--error-retries", paramLabel = "N", defaultValue = "2",
                description = "Times a message answered AE is sent again (default: ${DEFAULT-VALUE}).")
        int errorRetries;

        @Option(names = "--retry-delay", paramLabel = "DURATION", defaultValue = "1s",
                converter = DurationConverter.class,
                description = "Pause before re-sending after AE, and the first pause after every endpoint failed"
                        + " (default: ${DEFAULT-VALUE}).")
        Duration retryDelay;

        @Option(names = "--max-retry-delay", paramLabel = "DURATION", defaultValue = "30s",
                converter = DurationConverter.class,
                description = "Longest pause between rounds while every endpoint is down; the pause doubles"
                        + " from --retry-delay up to this, with jitter (default: ${DEFAULT-VALUE}).")
        Duration maxRetryDelay;

        @Option(names = "--charset", paramLabel = "NAME", defaultValue = "ISO-8859-1",
                description = "Charset of messages without MSH-18; MSH-18 decides for the others"
                        + " (default: ${DEFAULT-VALUE}).")
        Charset charset;

        @Option(names = "--tls", description = "Use TLS (certificates and host names verified).")
        boolean tls;

        @Option(names = "--ca", paramLabel = "PEM", description = "Trust these CA certificates for TLS (default: the platform's).")
        Path ca;

        @Option(names = "--journal", paramLabel = "FILE",
                description = "Keep accepted messages in this journal until acknowledged; a later run re-sends them first.")
        Path journal;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--verbose", description = "Stack traces on errors.")
        boolean verbose;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files of HL7 messages.")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            List<Hl7Message> messages = new ArrayList<>();
            for (Path file : files) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new IllegalArgumentException("cannot read " + file + ": no such file", e);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
                }
                try {
                    messages.addAll(Hl7Message.parseAll(bytes, charset));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
                }
            }
            for (Hl7Message m : messages) {
                if (m.controlId().isEmpty()) {
                    throw new IllegalArgumentException("a " + m.messageType() + " message has no MSH-10 control ID");
                }
                m.encode(charset); // a message its charset cannot hold is refused before anything is sent
            }
            FailoverMllpSender.Builder builder = FailoverMllpSender.builder()
                    .endpoints(endpoints())
                    .connectTimeout(connectTimeout).ackTimeout(ackTimeout).giveUpAfter(giveUpAfter)
                    .errorRetries(errorRetries).retryDelay(retryDelay).reconnectDelay(retryDelay)
                    .maxRetryDelay(maxRetryDelay).defaultCharset(charset);
            if (tls || ca != null) {
                builder.tls(tlsSettings());
            }
            if (journal != null) {
                builder.outbox(Outbox.journal(journal));
            }
            AtomicInteger failovers = new AtomicInteger();
            builder.listener(e -> {
                if (e instanceof SenderEvent.Switched) {
                    failovers.incrementAndGet();
                }
            });
            PrintWriter out = spec.commandLine().getOut();
            ObjectMapper json = consoleJson();
            ArrayNode rows = json.createArrayNode();
            Map<String, Integer> counts = new HashMap<>();
            try (FailoverMllpSender sender = builder.build()) {
                // queue on another thread (sendAsync blocks while the queue is full) so that each
                // line is printed as its acknowledgement arrives, not after the whole file is queued
                BlockingQueue<Object> accepted = new LinkedBlockingQueue<>();
                Thread producer = new Thread(() -> {
                    for (Hl7Message m : messages) {
                        try {
                            accepted.add(sender.sendAsync(m));
                        } catch (RuntimeException e) {
                            accepted.add(e);
                            return;
                        }
                    }
                }, "hl7-send-queue");
                producer.setDaemon(true);
                producer.start();
                for (int i = 0; i < messages.size(); i++) {
                    Object next = accepted.take();
                    if (next instanceof RuntimeException) {
                        throw (RuntimeException) next;
                    }
                    @SuppressWarnings("unchecked")
                    CompletableFuture<Ack> future = (CompletableFuture<Ack>) next;
                    String id = messages.get(i).controlId();
                    String code;
                    String where = "";
                    String note = "";
                    try {
                        Ack ack = future.join();
                        code = ack.code().name();
                        where = ack.endpoint().map(MllpEndpoint::toString).orElse("");
                        note = ack.text();
                    } catch (CompletionException e) {
                        code = "UNDELIVERED";
                        note = e.getCause() instanceof UndeliveredException ? e.getCause().getMessage() : String.valueOf(e.getCause());
                    }
                    counts.merge(category(code), 1, Integer::sum);
                    if (format == Format.json) {
                        ObjectNode row = rows.addObject();
                        row.put("controlId", id).put("ack", code).put("endpoint", where);
                        if (!note.isEmpty()) {
                            row.put("text", note);
                        }
                    } else {
                        out.printf("%-20s %-11s %s%s%n", ConsoleText.escape(id), code, where,
                                note.isEmpty() ? "" : "  " + ConsoleText.escape(note));
                        out.flush();
                    }
                }
            }
            int accepted = counts.getOrDefault("accepted", 0);
            if (format == Format.json) {
                ObjectNode root = json.createObjectNode();
                root.set("messages", rows);
                root.put("sent", messages.size()).put("accepted", accepted)
                        .put("errors", counts.getOrDefault("errors", 0))
                        .put("rejected", counts.getOrDefault("rejected", 0))
                        .put("undelivered", counts.getOrDefault("undelivered", 0))
                        .put("failovers", failovers.get());
                out.println(json.writeValueAsString(root));
            } else {
                out.printf("%d sent: %d accepted, %d errors (AE/CE), %d rejected (AR/CR), %d undelivered; %d failover(s)%n",
                        messages.size(), accepted, counts.getOrDefault("errors", 0), counts.getOrDefault("rejected", 0),
                        counts.getOrDefault("undelivered", 0), failovers.get());
            }
            out.flush();
            return accepted == messages.size() ? Hakit.OK : Hakit.FOUND_WANTING;
        }

        private static String category(String code) {
            switch (code) {
                case "AA": case "CA": return "accepted";
                case "AE": case "CE": return "errors";
                case "AR": case "CR": return "rejected";
                default: return "undelivered";
            }
        }

        private List<MllpEndpoint> endpoints() {
            Map<String, InetAddress> pins = new HashMap<>();
            for (String r : resolve) {
                int eq = r.indexOf('=');
                if (eq <= 0 || eq == r.length() - 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--resolve must be HOST=ADDR, was '" + r + "'");
                }
                String addr = r.substring(eq + 1).strip();
                try {
                    pins.put(r.substring(0, eq).strip().toLowerCase(Locale.ROOT), InetAddress.getByName(addr));
                } catch (UnknownHostException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--resolve address '" + addr + "' is not an address");
                }
            }
            List<MllpEndpoint> list = new ArrayList<>();
            for (String e : endpoints) {
                MllpEndpoint endpoint;
                try {
                    endpoint = MllpEndpoint.parse(e);
                } catch (IllegalArgumentException ex) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--endpoint: " + ex.getMessage());
                }
                InetAddress pin = pins.get(endpoint.host().toLowerCase(Locale.ROOT));
                list.add(pin == null ? endpoint : endpoint.withAddress(pin));
            }
            return list;
        }

        private TlsSettings tlsSettings() {
            return ca == null ? TlsSettings.defaults() : TlsSettings.builder().trust(Pem.read(ca)).build();
        }
    }

    /** {@code hakit hl7 listen}. */
    @Command(name = "listen",
            mixinStandardHelpOptions = true,
            description = {"Run a lightweight MLLP receiver that ACKs every message.",
                "Runs until stopped (or --count messages).",
                "Prints one line per message received."})
    static final class Listen implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", required = true, paramLabel = "N", description = "The port to listen on (0: any free port).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
                description = "The local address (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
        String bind;

        @Option(names = "--ack", paramLabel = "CODE", defaultValue = "AA",
                description = "The acknowledgement code to answer: AA, AE or AR (default: ${DEFAULT-VALUE}).")
        String ack;

        @Option(names = "--out", paramLabel = "DIR", description = "Write each message received to DIR, one file each.")
        Path out;

        @Option(names = "--count", paramLabel = "N", defaultValue = "0",
                description = "Stop after N messages (default: run until stopped).")
        long count;

        @Option(names = "--charset", paramLabel = "NAME", defaultValue = "ISO-8859-1",
                description = "Charset of messages without MSH-18 (default: ${DEFAULT-VALUE}).")
        Charset charset;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--verbose", description = "Stack traces on errors.")
        boolean verbose;

        @Option(names = "--max-connections", paramLabel = "N",
                description = "Connections served at once; when all are taken, the one waiting longest for a frame"
                        + " makes way (default: " + MllpListener.DEFAULT_MAX_CONNECTIONS + ").")
        Integer maxConnections;

        @Option(names = "--first-byte-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Close a connection whose first frame has not started this long after connecting"
                        + " (default: 30s).")
        Duration firstByteTimeout;

        @Option(names = "--frame-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Close a connection whose frame has not ended this long after its start byte; bytes"
                        + " trickling in do not extend it (default: 60s).")
        Duration frameTimeout;

        @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Close a connection idle this long between frames (default: 10m).")
        Duration idleTimeout;

        @Option(names = "--max-frame-length", paramLabel = "BYTES",
                description = "Longest message accepted; a longer one is answered AR naming the limit and the"
                        + " connection closed (default: " + MllpFrameDecoder.DEFAULT_MAX_FRAME_LENGTH + ").")
        Integer maxFrameLength;

        /** The listener's limits: the library's defaults unless an option says otherwise. */
        private MllpListener.Builder limits(MllpListener.Builder b) {
            if (maxConnections != null) {
                b.maxConnections(maxConnections);
            }
            if (firstByteTimeout != null) {
                b.firstByteTimeout(firstByteTimeout);
            }
            if (frameTimeout != null) {
                b.frameTimeout(frameTimeout);
            }
            if (idleTimeout != null) {
                b.idleTimeout(idleTimeout);
            }
            if (maxFrameLength != null) {
                b.maxFrameLength(maxFrameLength);
            }
            return b;
        }

        @Override
        public Integer call() throws Exception {
            AckCode code;
            try {
                code = AckCode.valueOf(ack.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--ack must be AA, AE or AR, was '" + ack + "'");
            }
            if (code != AckCode.AA && code != AckCode.AE && code != AckCode.AR) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--ack must be AA, AE or AR, was '" + ack + "'");
            }
            if (out != null) {
                Files.createDirectories(out);
            }
            PrintWriter writer = spec.commandLine().getOut();
            ObjectMapper json = consoleJson();
            AtomicLong seen = new AtomicLong();
            CountDownLatch enough = new CountDownLatch(1);
            Hl7Handler handler = m -> {
                long n = seen.incrementAndGet();
                if (out != null) {
                    String name = String.format("%06d-%s.hl7", n, m.controlId().replaceAll("[^A-Za-z0-9._-]", "_"));
                    try {
                        Files.writeString(out.resolve(name), m.text(), m.charset(charset));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                synchronized (writer) {
                    if (format == Format.json) {
                        ObjectNode row = json.createObjectNode().put("controlId", m.controlId())
                                .put("type", m.messageType()).put("ack", code.name());
                        writer.println(row.toString());
                    } else {
                        writer.printf("received %-20s %-16s -> %s%n", ConsoleText.escape(m.controlId()),
                                ConsoleText.escape(m.messageType()), code);
                    }
                    writer.flush();
                }
                if (count > 0 && n >= count) {
                    enough.countDown();
                }
                return m.createAck(code, null);
            };
            MllpListener listener = limits(MllpListener.builder()).port(port).bindAddress(InetAddress.getByName(bind))
                    .handler(handler).defaultCharset(charset).build().start();
            Thread hook = new Thread(listener::close, "hl7-listen-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getErr().printf("listening for MLLP on %s:%d%n", bind, listener.port());
            spec.commandLine().getErr().flush();
            enough.await();
            // let the last ACK go out before closing
            Thread.sleep(200);
            listener.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            return Hakit.OK;
        }
    }

    /**
     * JSON for the console: besides the control characters JSON always escapes, every non-ASCII
     * character (C1 controls, bidirectional overrides) is written as a JSON Unicode escape.
     */
    static ObjectMapper consoleJson() {
        return JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    }

    /** Reads durations as {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h} or ISO-8601 ({@code PT10S}). */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("pt") || v.startsWith("p")) {
                    return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
                }
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                switch (v.charAt(v.length() - 1)) {
                    case 's': return Duration.ofSeconds(n);
                    case 'm': return Duration.ofMinutes(n);
                    case 'h': return Duration.ofHours(n);
                    default: break;
                }
            } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
                // fall through to the error below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (use 500ms, 10s, 2m or PT10S)");
        }
    }
}
