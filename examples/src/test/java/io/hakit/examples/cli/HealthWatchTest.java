package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.hakit.test.ThrowawayCa;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code hakit health --watch} against real HTTPS stand-ins for two application servers and
 * the load balancer's name on loopback: the state lines, the Prometheus endpoint read with an
 * HTTP GET, and stopping on interrupt.
 */
class HealthWatchTest {

    static final String APP1 = "app1.hospital.test";
    static final String APP2 = "app2.hospital.test";
    static final String LB = "patientsecure.hospital.test";
    static final String APP1_IP = "127.0.0.81";
    static final String APP2_IP = "127.0.0.82";
    static final String LB_IP = "127.0.0.83";
    static final Pattern URL = Pattern.compile("metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)");
    /** A sample line: name, labels, value. */
    static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");

    static ThrowawayCa ca;

    @TempDir
    Path dir;

    private final List<HttpsServer> servers = new ArrayList<>();
    /** The status app2 answers. */
    private final AtomicInteger app2Status = new AtomicInteger(200);
    private int port;

    @BeforeAll
    static void makeCa() {
        ca = ThrowawayCa.create("HealthWatchTest CA");
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void watchServesPrometheusMetricsLogsAChangeOnceAndStopsOnInterrupt() throws Exception {
        startServers();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watch = new Thread(() -> {
            CommandLine cli = Hakit.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            exit.set(cli.execute("health", "--ca", caFile(), "--resolve", APP1 + "=" + APP1_IP,
                    "--resolve", APP2 + "=" + APP2_IP, "--resolve", LB + "=" + LB_IP,
                    "--watch", "50ms", "--metrics-port", "0", topology()));
        }, "health-watch-test");
        watch.start();
        try {
            await(() -> URL.matcher(out.toString()).find() || !watch.isAlive(), "the metrics URL", out, err);
            Matcher url = URL.matcher(out.toString());
            assertThat(url.find()).as(out + "" + err).isTrue();
            URI metrics = URI.create(url.group(1));
            await(() -> out.toString().contains("web-services HEALTHY (2 of 2 members up)"), "farm healthy", out, err);

            HttpResponse<String> scrape = get(metrics);
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            Map<String, Double> samples = samples(scrape.body());
            assertThat(samples).containsEntry(
                    "hakit_farm_state{deployment=\"watch-test\",service=\"web-services\",state=\"HEALTHY\"}", 1.0)
                    .containsEntry("hakit_farm_state{deployment=\"watch-test\",service=\"web-services\",state=\"DEGRADED\"}", 0.0)
                    .containsEntry("hakit_farm_state{deployment=\"watch-test\",service=\"web-services\",state=\"UNHEALTHY\"}", 0.0)
                    .containsEntry("hakit_member_up{deployment=\"watch-test\",server=\"" + APP1 + "\",service=\"web-services\"}", 1.0)
                    .containsEntry("hakit_member_up{deployment=\"watch-test\",server=\"" + APP2 + "\",service=\"web-services\"}", 1.0);
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("hakit_probe_seconds_bucket{")
                    && k.contains("path=\"direct\"") && k.contains("server=\"" + APP1 + "\"") && k.contains("le=\"0.005\""));
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("hakit_probe_seconds_count{")
                    && k.contains("path=\"lb\"") && k.contains("server=\"" + LB + "\""));
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("hakit_probes_total{")
                    && k.contains("outcome=\"SUCCESS\"") && k.contains("server=\"" + APP2 + "\""));
            assertThat(scrape.body()).contains("# TYPE hakit_probe_seconds histogram")
                    .contains("# TYPE hakit_probes_total counter").contains("# TYPE hakit_farm_state gauge");
            assertThat(get(metrics.resolve("/other")).statusCode()).isEqualTo(404);

            app2Status.set(503);
            await(() -> out.toString().contains("web-services HEALTHY -> DEGRADED"), "farm degraded", out, err);
            String failing = "hakit_probes_total{outcome=\"STATUS_MISMATCH\",server=\"" + APP2 + "\",service=\"web-services\"}";
            await(() -> samples(get(metrics).body()).getOrDefault(failing, 0.0) >= 4, "more failing probes", out, err);
            Map<String, Double> after = samples(get(metrics).body());
            assertThat(after).containsEntry(
                    "hakit_farm_state{deployment=\"watch-test\",service=\"web-services\",state=\"DEGRADED\"}", 1.0)
                    .containsEntry("hakit_farm_state{deployment=\"watch-test\",service=\"web-services\",state=\"HEALTHY\"}", 0.0)
                    .containsEntry("hakit_member_up{deployment=\"watch-test\",server=\"" + APP2 + "\",service=\"web-services\"}", 0.0);
            List<String> changes = out.toString().lines().filter(l -> l.contains(" -> ")).toList();
            assertThat(changes).as(out.toString()).hasSize(1);
            assertThat(changes.get(0)).contains("web-services HEALTHY -> DEGRADED: " + APP2 + ":" + port + " UP -> DOWN")
                    .contains("STATUS_MISMATCH");
        } finally {
            watch.interrupt();
            watch.join(Duration.ofSeconds(30).toMillis());
        }
        assertThat(watch.isAlive()).as("the watch stops on interrupt").isFalse();
        assertThat(exit.get()).as(out + "" + err).isEqualTo(1);
        assertThat(out.toString()).contains("stopped: web-services DEGRADED");
        Matcher url = URL.matcher(out.toString());
        assertThat(url.find()).isTrue();
        assertThatThrownBy(() -> get(URI.create(url.group(1)))).as("the metrics endpoint is closed")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void badWatchIntervalExitsTwoWithOneLine() throws IOException {
        port = 7001;
        CliRun run = CliRun.of("health", "--watch", "soon", topology());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--watch 'soon' is not a duration").doesNotContain("at io.hakit");
    }

    @Test
    void metricsPortWithoutWatchExitsTwoWithOneLine() throws IOException {
        port = 7001;
        CliRun run = CliRun.of("health", "--metrics-port", "9464", topology());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--metrics-port and --metrics-bind need --watch INTERVAL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--watch 0s | --watch '0s' must be a positive duration",
        "--watch 10s --via-lb | --via-lb cannot be combined with --watch",
        "--watch 10s --format json | --format json cannot be combined with --watch",
        "--watch 10s --metrics-port 70000 | --metrics-port (70000) must be 0-65535",
        "--watch 10s --metrics-bind 0.0.0.0 | --metrics-bind needs --metrics-port N",
    })
    void watchOptionsThatCannotWorkExitTwoWithOneLine(String options, String message) {
        port = 7001;
        List<String> args = new ArrayList<>(List.of("health"));
        args.addAll(List.of(options.split(" ")));
        args.add(topology());

        CliRun run = CliRun.of(args.toArray(new String[0]));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(message);
    }

    // ---------------------------------------------------------------------------------------------

    /** Parses the Prometheus text format: every sample line as {@code name{labels}} to its value. */
    static Map<String, Double> samples(String body) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : body.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as("a Prometheus sample line: " + line).isTrue();
            samples.put(m.group(1) + (m.group(2) == null ? "" : "{" + m.group(2) + "}"), Double.valueOf(m.group(3)));
        }
        return samples;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what, StringWriter out, StringWriter err) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + "\n" + out + err);
            }
            Thread.sleep(20);
        }
    }

    private String caFile() {
        Path pem = dir.resolve("ca.pem");
        try {
            if (!Files.exists(pem)) {
                Files.writeString(pem, ca.certificatePem());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pem.toString();
    }

    private String topology() {
        Path file = dir.resolve("topology.yaml");
        try {
            Files.writeString(file, String.join("\n",
                    "name: watch-test",
                    "environment: non-production",
                    "loadBalancer:",
                    "  vendor: citrix",
                    "  fqdn: " + LB,
                    "  address: " + LB_IP,
                    "serverConsole: lb",
                    "servers:",
                    "  - fqdn: " + APP1,
                    "  - fqdn: " + APP2,
                    "services:",
                    "  web-services: { port: " + port + " }",
                    ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file.toString();
    }

    /** Starts app1, app2 and the load balancer's name on one port, each answering Web Services' health test. */
    private void startServers() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                port = listen(APP1_IP, 0, APP1, new AtomicInteger(200));
                listen(APP2_IP, port, APP2, app2Status);
                listen(LB_IP, port, LB, new AtomicInteger(200));
                return;
            } catch (BindException e) {
                servers.forEach(s -> s.stop(0));
                servers.clear();
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private int listen(String address, int port, String fqdn, AtomicInteger status) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(address, port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.issueServer(fqdn).serverContext()));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = "Success".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status.get(), body.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(body);
                }
            }
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }
}
