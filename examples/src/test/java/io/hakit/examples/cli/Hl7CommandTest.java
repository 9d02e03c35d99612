package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.hl7.Ack;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpClient;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.hl7.Hl7Handler;
import io.hakit.hl7.MllpListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class Hl7CommandTest {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = Hakit.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    Path file(String... controlIds) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String id : controlIds) {
            sb.append("MSH|^~\\&|REGADT|GHH|PSIS|PS|20261125101500||ADT^A01^ADT_A01|").append(id).append("|P|2.5\r\n")
                    .append("PID|1||PAT1^^^GHH^MR||DOE^JOHN\r\n");
        }
        Path f = dir.resolve("messages.hl7");
        Files.writeString(f, sb.toString(), StandardCharsets.ISO_8859_1);
        return f;
    }

    @Test
    void sendsAFileFailingOverPastANodeThatIsDown() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (MllpListener listener = MllpListener.builder().port(0).handler(m -> {
            received.add(m.controlId());
            return m.createAck(AckCode.AA, null);
        }).build().start()) {
            int down = freePort();
            int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + down,
                    "--endpoint", "hl7.hospital.test:" + listener.port(), "--resolve", "hl7.hospital.test=127.0.0.1",
                    "--connect-timeout", "2s", "--ack-timeout", "5s", file("C1", "C2", "C3").toString());
            assertThat(code).as(err.toString()).isZero();
            assertThat(received).containsExactly("C1", "C2", "C3");
            assertThat(out.toString()).containsPattern("C1\\s+AA\\s+hl7.hospital.test:" + listener.port())
                    .contains("3 sent: 3 accepted, 0 errors (AE/CE), 0 rejected (AR/CR), 0 undelivered; 1 failover(s)");
        }
    }

    @Test
    void reportsNegativeAcksAsJsonAndExitsOne() throws Exception {
        try (MllpListener listener = MllpListener.builder().port(0).handler(Hl7Handler.replying(AckCode.AR))
                .build().start()) {
            int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + listener.port(), "--format", "json",
                    file("J1").toString());
            assertThat(code).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("rejected").asInt()).isEqualTo(1);
            assertThat(json.get("messages").get(0).get("ack").asText()).isEqualTo("AR");
            assertThat(json.get("messages").get(0).get("controlId").asText()).isEqualTo("J1");
        }
    }

    @Test
    void reportsUndeliveredMessagesAndExitsOne() throws Exception {
        int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + freePort(), "--give-up-after", "300ms",
                file("U1").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("U1").contains("UNDELIVERED").contains("1 undelivered");
    }

    @Test
    void anUnreadableFileIsAUsageError() {
        int code = run("hl7", "send", "--endpoint", "127.0.0.1:2244", dir.resolve("missing.hl7").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("missing.hl7").doesNotContain("\tat ");
    }

    @Test
    void aMalformedEndpointIsAUsageError() throws Exception {
        assertThat(run("hl7", "send", "--endpoint", "nohost", file("X").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("HOST:PORT");
    }

    @Test
    void listensAcksAndWritesEachMessage() throws Exception {
        Path outDir = dir.resolve("in");
        int[] code = new int[1];
        Thread listen = new Thread(() -> code[0] = run("hl7", "listen", "--port", "0", "--ack", "AE", "--count", "2",
                "--out", outDir.toString()));
        listen.start();
        Matcher m = null;
        for (int i = 0; i < 500 && (m == null || !m.find()); i++) {
            Thread.sleep(10);
            m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(err.toString());
        }
        int port = Integer.parseInt(m.group(1));
        StringWriter sendOut = new StringWriter();
        CommandLine sender = Hakit.commandLine();
        sender.setOut(new PrintWriter(sendOut, true));
        sender.setErr(new PrintWriter(new StringWriter(), true));
        int sendCode = sender.execute("hl7", "send", "--endpoint", "127.0.0.1:" + port, "--error-retries", "0",
                file("L1", "L2").toString());
        listen.join(10_000);
        assertThat(sendCode).isEqualTo(1);
        assertThat(sendOut.toString()).containsPattern("L1\\s+AE").containsPattern("L2\\s+AE");
        assertThat(code[0]).isZero();
        assertThat(out.toString()).contains("received L1").contains("received L2");
        try (Stream<Path> files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("000001-L1.hl7", "000002-L2.hl7");
        }
    }

    @Test
    void listenTakesLimitsAndDeadlinesAndPrintsMessageContentEscaped() throws Exception {
        int[] code = new int[1];
        Thread listen = new Thread(() -> code[0] = run("hl7", "listen", "--port", "0", "--count", "1",
                "--max-connections", "4", "--first-byte-timeout", "300ms", "--frame-timeout", "2s",
                "--idle-timeout", "5s", "--max-frame-length", "300"));
        listen.start();
        int port = listeningPort();
        // --first-byte-timeout: a client that says nothing is closed
        try (java.net.Socket silent = new java.net.Socket(LOOPBACK, port)) {
            silent.setSoTimeout(5000);
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
        // --max-frame-length: an oversize message is answered AR naming the limit
        try (MllpClient c = MllpClient.builder().endpoint(MllpEndpoint.of("127.0.0.1", port))
                .ackTimeout(java.time.Duration.ofSeconds(5)).build()) {
            Hl7Message big = Hl7Message.parse("MSH|^~\\&|A|B|C|D|20261125101500||ADT^A01|BIG1|P|2.5\rNTE|1||"
                    + "x".repeat(400) + "\r");
            Ack ar = c.send(big);
            assertThat(ar.code()).isEqualTo(AckCode.AR);
            assertThat(ar.text()).contains("maximum frame length of 300 bytes");
        }
        // a control ID carrying ANSI escapes is printed as visible escapes
        try (MllpClient c = MllpClient.builder().endpoint(MllpEndpoint.of("127.0.0.1", port))
                .ackTimeout(java.time.Duration.ofSeconds(5)).build()) {
            c.send(Hl7Message.parse("MSH|^~\\&|A|B|C|D|20261125101500||ADT^A01|X\u001b[2J\u001b[31mRED|P|2.5\r"));
        }
        listen.join(10_000);
        assertThat(code[0]).isZero();
        assertThat(out.toString()).contains("received X\\x1B[2J\\x1B[31mRED").doesNotContain("\u001b");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("hl7", "--help")).isZero();
        assertThat(run("hl7", "send", "--help")).isZero();
        assertThat(run("hl7", "listen", "--help")).isZero();
        assertThat(run("bench", "--help")).isZero();
        assertThat(run("bench", "hl7", "--help")).isZero();
        assertThat(out.toString()).contains("--endpoint").contains("--ack").contains("--json");
    }

    // --- charsets: the file's bytes are what goes on the wire ---

    static final String NAME = "M\u00dcLLER^ZO\u00cb";

    static String message(String id, String msh18) {
        return "MSH|^~\\&|ADT|HOSP|PSEC|HOSP|20261125090000||ADT^A01^ADT_A01|" + id + "|P|2.5"
                + (msh18.isEmpty() ? "" : "||||||" + msh18) + "\rPID|1||1||" + NAME + "||19800101|F\r";
    }

    Path bytesFile(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        Path f = dir.resolve(name);
        Files.write(f, all.toByteArray());
        return f;
    }

    /** Runs {@code hl7 listen --out} on a free port until {@code count} messages arrived; returns the port. */
    Thread listen(Path outDir, int count, String[] extra, int[] code) throws Exception {
        List<String> args = new ArrayList<>(List.of("hl7", "listen", "--port", "0", "--count", String.valueOf(count),
                "--out", outDir.toString()));
        args.addAll(List.of(extra));
        Thread listen = new Thread(() -> code[0] = run(args.toArray(new String[0])));
        listen.start();
        return listen;
    }

    int listeningPort() throws InterruptedException {
        Matcher m = null;
        for (int i = 0; i < 500 && (m == null || !m.find()); i++) {
            Thread.sleep(10);
            m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(err.toString());
        }
        return Integer.parseInt(m.group(1));
    }

    int send(StringWriter sendOut, StringWriter sendErr, String... args) {
        CommandLine sender = Hakit.commandLine();
        sender.setOut(new PrintWriter(sendOut, true));
        sender.setErr(new PrintWriter(sendErr, true));
        return sender.execute(args);
    }

    @Test
    void utf8AndLatin1FilesReachHakitsListenerByteForByte() throws Exception {
        byte[] u8 = message("U8", "UNICODE UTF-8").getBytes(StandardCharsets.UTF_8);
        byte[] l1 = message("L1", "8859/1").getBytes(StandardCharsets.ISO_8859_1);
        byte[] none = message("N1", "").getBytes(StandardCharsets.UTF_8);
        Path f = bytesFile("mixed.hl7", u8, l1, none);
        Path outDir = dir.resolve("received");
        int[] code = new int[1];
        Thread listen = listen(outDir, 3, new String[] {"--charset", "UTF-8"}, code);
        int port = listeningPort();

        StringWriter sendOut = new StringWriter();
        StringWriter sendErr = new StringWriter();
        // --charset UTF-8 applies to N1 only; U8 and L1 go in the charset their MSH-18 names
        int sendCode = send(sendOut, sendErr, "hl7", "send", "--endpoint", "127.0.0.1:" + port, "--charset", "UTF-8",
                f.toString());
        listen.join(10_000);

        assertThat(sendCode).as(sendErr.toString()).isZero();
        assertThat(code[0]).isZero();
        assertThat(Files.readAllBytes(outDir.resolve("000001-U8.hl7"))).isEqualTo(u8);
        assertThat(Files.readString(outDir.resolve("000001-U8.hl7"), StandardCharsets.UTF_8))
                .contains(NAME).doesNotContain("M\u00c3"); // not double-encoded
        assertThat(Files.readAllBytes(outDir.resolve("000002-L1.hl7"))).isEqualTo(l1);
        assertThat(Files.readAllBytes(outDir.resolve("000003-N1.hl7"))).isEqualTo(none);
    }

    @Test
    void theIssuesUtf8FileReachesHapiWithTheNameIntact() throws Exception {
        byte[] u8 = message("U8", "UNICODE UTF-8").getBytes(StandardCharsets.UTF_8);
        byte[] l1 = message("L1", "8859/1").getBytes(StandardCharsets.ISO_8859_1);
        Path f = bytesFile("u8.hl7", u8, l1);
        List<String> names = new CopyOnWriteArrayList<>();
        List<String> raws = new CopyOnWriteArrayList<>();
        int port = freePort();
        try (HapiContext ctx = hapi()) {
            HL7Service server = ctx.newServer(port, false);
            server.registerApplication(new ReceivingApplication<Message>() {
                @Override
                public Message processMessage(Message message, Map<String, Object> metadata) {
                    try {
                        Terser t = new Terser(message);
                        names.add(t.get("/.PID-5-1") + "^" + t.get("/.PID-5-2"));
                        raws.add(String.valueOf(metadata.get(MetadataKeys.IN_RAW_MESSAGE)));
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
            server.startAndWait();
            try {
                int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + port, f.toString());
                assertThat(code).as(err.toString()).isZero();
            } finally {
                server.stopAndWait();
            }
        }
        assertThat(names).containsExactly(NAME, NAME);
        assertThat(raws.get(0).getBytes(StandardCharsets.UTF_8)).isEqualTo(u8);
        assertThat(raws.get(1).getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(l1);
    }

    /** HAPI respecting MSH-18, without validation, bound to 127.0.0.1 only. */
    static HapiContext hapi() {
        HapiContext ctx = new DefaultHapiContext(ValidationContextFactory.noValidation());
        ctx.getParserConfiguration().setIdGenerator(new ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator());
        ctx.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
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

    @Test
    void aFileWhoseBytesContradictItsMsh18IsRefusedNamingFileAndMessage() throws Exception {
        byte[] ok = message("OK1", "UNICODE UTF-8").getBytes(StandardCharsets.UTF_8);
        byte[] bad = message("U8", "UNICODE UTF-8").getBytes(StandardCharsets.ISO_8859_1);
        Path f = bytesFile("mismatch.hl7", ok, bad);
        List<String> received = new CopyOnWriteArrayList<>();
        try (MllpListener listener = MllpListener.builder().port(0).handler(m -> {
            received.add(m.controlId());
            return m.createAck(AckCode.AA, null);
        }).build().start()) {
            int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + listener.port(), f.toString());
            assertThat(code).isEqualTo(2);
        }
        assertThat(err.toString()).contains("mismatch.hl7: message 2 (MSH-10 'U8'): its bytes are not valid UTF-8")
                .doesNotContain("\tat ");
        assertThat(received).as("nothing is sent").isEmpty();
    }

    // --- outage: give-up counted from acceptance; output as ACKs arrive ---

    @Test
    void withEveryEndpointDownEveryQueuedMessageIsReportedUndeliveredInOrder() throws Exception {
        String[] ids = new String[20];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "Q" + (i + 1);
        }
        int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + freePort(), "--endpoint", "127.0.0.1:" + freePort(),
                "--give-up-after", "1s", "--retry-delay", "50ms", "--max-retry-delay", "200ms", file(ids).toString());

        assertThat(code).isEqualTo(1);
        List<String> lines = out.toString().lines().collect(java.util.stream.Collectors.toList());
        assertThat(lines).hasSize(21);
        for (int i = 0; i < 20; i++) {
            assertThat(lines.get(i)).startsWith(ids[i] + " ").contains("UNDELIVERED")
                    .contains("within 1000 ms of being accepted");
        }
        assertThat(lines.get(20)).startsWith("20 sent: 0 accepted").contains("20 undelivered");
    }

    @Test
    void eachLineIsPrintedWhenItsAcknowledgementArrives() throws Exception {
        // more messages than the sender's queue holds: queueing them all would hold the output back
        String[] ids = new String[1100];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "LIVE" + (i + 1);
        }
        AtomicBoolean fourthShownBeforeFifthHandled = new AtomicBoolean();
        try (MllpListener listener = MllpListener.builder().port(0).handler(m -> {
            if (m.controlId().equals("LIVE5")) {
                for (int i = 0; i < 1000 && !out.toString().contains("LIVE4 "); i++) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                fourthShownBeforeFifthHandled.set(out.toString().contains("LIVE4 "));
            }
            return m.createAck(AckCode.AA, null);
        }).build().start()) {
            int code = run("hl7", "send", "--endpoint", "127.0.0.1:" + listener.port(), file(ids).toString());
            assertThat(code).as(err.toString()).isZero();
        }
        assertThat(fourthShownBeforeFifthHandled).as("LIVE4's line was printed before LIVE5 was answered").isTrue();
        assertThat(out.toString()).contains("1100 sent: 1100 accepted");
    }

    @Test
    void sendHelpNamesTheNewOptionAndTheCharsetRule() {
        assertThat(run("hl7", "send", "--help")).isZero();
        assertThat(out.toString()).contains("--max-retry-delay").contains("MSH-18").contains("queued");
    }
}
