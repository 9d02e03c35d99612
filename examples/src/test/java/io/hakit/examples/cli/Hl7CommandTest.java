package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.hl7.AckCode;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
    void everyCommandHasHelp() {
        assertThat(run("hl7", "--help")).isZero();
        assertThat(run("hl7", "send", "--help")).isZero();
        assertThat(run("hl7", "listen", "--help")).isZero();
        assertThat(run("bench", "--help")).isZero();
        assertThat(run("bench", "hl7", "--help")).isZero();
        assertThat(out.toString()).contains("--endpoint").contains("--ack").contains("--json");
    }
}
