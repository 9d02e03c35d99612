package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.hakit.test.ThrowawayCa;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hakit health} against real HTTPS servers on loopback: two application servers and
 * the load balancer's name, each a JDK HttpsServer on its own 127.0.0.x address with a
 * certificate for its FQDN from a throwaway CA. The topology names them by FQDN; the test
 * maps the names with {@code --resolve} and trusts the CA with {@code --ca}.
 */
class HealthCommandTest {

    static final String APP1 = "app1.hospital.test";
    static final String APP2 = "app2.hospital.test";
    static final String LB = "patientsecure.hospital.test";
    static final String APP1_IP = "127.0.0.61";
    static final String APP2_IP = "127.0.0.62";
    static final String LB_IP = "127.0.0.63";

    static ThrowawayCa ca;

    @TempDir
    Path dir;

    private final List<HttpsServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "health-command-test");
        t.setDaemon(true);
        return t;
    });
    /** The ports of identity-server and web-services, the same on every address. */
    private int identityPort;
    private int webPort;

    @BeforeAll
    static void makeCa() {
        ca = ThrowawayCa.create("HealthCommandTest CA");
    }

    @AfterEach
    void stopServers() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    @Test
    void healthyDeploymentExitsZeroAndNamesEveryFarmHealthy() throws IOException {
        start(Answers.GOOD, Answers.GOOD, true);

        CliRun run = CliRun.of(args("health", topology(0)));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("identity-server +HEALTHY")
                .containsPattern("web-services +HEALTHY")
                .contains("2 farm(s): 2 healthy, 0 degraded, 0 unhealthy")
                .contains(APP1 + ":" + identityPort).contains(APP2 + ":" + webPort).contains(LB + ":" + identityPort)
                .doesNotContain("UNHEALTHY");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void wrongStatusOnOneMemberExitsOneNamingFarmMemberAndLayer() throws IOException {
        start(Answers.GOOD, Answers.WEB_SERVICES_503, true);

        CliRun run = CliRun.of(args("health", topology(2)));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("web-services +UNHEALTHY")
                .containsPattern("identity-server +HEALTHY")
                .contains("fault APPLICATION_SERVER: farm 'PatientSecure Web Services' (web-services)")
                .contains(APP2 + ":" + webPort + " STATUS_MISMATCH (status 503 is not in")
                .contains("1 unhealthy");
    }

    @Test
    void oneOfTwoServersDownIsDegradedAndExitsOne() throws IOException {
        start(Answers.GOOD, Answers.WEB_SERVICES_503, true);

        CliRun run = CliRun.of(args("health", "--direct", topology(0)));

        assertThat(run.exitCode()).as("an HA check must not say fine with one of two servers down: " + run.out())
                .isEqualTo(1);
        assertThat(run.out()).containsPattern("web-services +DEGRADED")
                .containsPattern("identity-server +HEALTHY")
                .contains("DEGRADED, high availability lost")
                .contains(APP2 + ":" + webPort)
                .contains("2 farm(s): 1 healthy, 1 degraded, 0 unhealthy");
    }

    @Test
    void degradedInJson() throws IOException {
        start(Answers.GOOD, Answers.WEB_SERVICES_503, true);

        CliRun run = CliRun.of(args("health", "--direct", "--format", "json", topology(0)));

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("state").asText()).isEqualTo("DEGRADED");
        JsonNode web = json.get("farms").get(1);
        assertThat(web.get("state").asText()).isEqualTo("DEGRADED");
        assertThat(web.get("healthy").asBoolean()).isFalse();
        assertThat(web.get("serving").asBoolean()).isTrue();
    }

    @Test
    void missingResponseMatchExitsOneNamingFarmMemberAndLayer() throws IOException {
        start(Answers.GOOD, Answers.NOT_IDENTITY_SERVER, true);

        CliRun run = CliRun.of(args("health", "--direct", topology(2)));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("identity-server +UNHEALTHY")
                .contains("fault APPLICATION_SERVER: farm 'PatientSecure Identity Server' (identity-server)")
                .contains(APP2 + ":" + identityPort + " RESPONSE_MISMATCH")
                .contains("does not contain 'IdentityServer4'")
                .doesNotContain("via LB");
    }

    @Test
    void serversPassingDirectlyButNotThroughTheLoadBalancerBlameTheLoadBalancer() throws IOException {
        start(Answers.GOOD, Answers.GOOD, false);

        CliRun run = CliRun.of(args("health", topology(0)));

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("fault LOAD_BALANCER")
                .contains("connection refused by " + LB + ":" + identityPort + " at " + LB_IP)
                .doesNotContain("Connect to https://");
    }

    @Test
    void jsonHasTheContractShape() throws IOException {
        start(Answers.GOOD, Answers.GOOD, true);

        CliRun run = CliRun.of(args("health", "--format", "json", topology(0)));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        JsonNode farms = json.get("farms");
        assertThat(farms).hasSize(2);
        assertThat(farms.findValuesAsText("service")).containsExactly("identity-server", "web-services");
        assertThat(json.get("state").asText()).isEqualTo("HEALTHY");
        for (JsonNode farm : farms) {
            assertThat(farm.get("state").asText()).isEqualTo("HEALTHY");
            assertThat(farm.get("healthy").asBoolean()).isTrue();
            assertThat(farm.get("members")).hasSize(2);
            for (JsonNode m : farm.get("members")) {
                assertThat(m.get("server").asText()).isIn(APP1, APP2);
                assertThat(m.get("state").asText()).isEqualTo("UP");
                assertThat(m.get("status").asInt()).isEqualTo(200);
                assertThat(m.get("latencyMs").isIntegralNumber()).isTrue();
            }
        }
    }

    @Test
    void jsonNamesTheFailingMember() throws IOException {
        start(Answers.GOOD, Answers.WEB_SERVICES_503, true);

        CliRun run = CliRun.of(args("health", "--direct", "--format", "json", topology(2)));

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode web = new ObjectMapper().readTree(run.out()).get("farms").get(1);
        assertThat(web.get("service").asText()).isEqualTo("web-services");
        assertThat(web.get("healthy").asBoolean()).isFalse();
        assertThat(web.get("fault").asText()).isEqualTo("APPLICATION_SERVER");
        JsonNode app2 = web.get("members").get(1);
        assertThat(app2.get("server").asText()).isEqualTo(APP2);
        assertThat(app2.get("state").asText()).isEqualTo("DOWN");
        assertThat(app2.get("status").asInt()).isEqualTo(503);
    }

    @Test
    void unresolvedNameIsSaidOnceWithAHintAtResolve() throws IOException {
        start(Answers.GOOD, Answers.GOOD, true);

        CliRun run = CliRun.of("health", "--direct", "--ca", caFile().toString(),
                "--resolve", APP1 + "=" + APP1_IP, topology(2));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("UNRESOLVED: cannot resolve " + APP2 + "\n")
                .doesNotContain("not known to the resolver")
                .contains("hint: cannot resolve " + APP2 + "; map a name to an address with --resolve HOST=ADDR");
        assertThat(run.out().lines().filter(l -> l.startsWith("hint:"))).hasSize(1);
    }

    @Test
    void refusedConnectionIsShort() throws IOException {
        start(Answers.GOOD, null, true);

        CliRun run = CliRun.of(args("health", "--direct", topology(2)));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("CONNECTION_REFUSED: connection refused by " + APP2 + ":" + identityPort + " at " + APP2_IP + "\n")
                .doesNotContain("Connect to https://");
    }

    @Test
    void unreadableTopologyExitsTwoWithOneLine() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: x\nloadBalancer:\n  vendr: citrix\n");

        CliRun run = CliRun.of("health", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("broken.yaml:3:3").doesNotContain("at io.hakit").doesNotContain("Exception");
    }

    @Test
    void missingTopologyExitsTwoWithOneLine() {
        CliRun run = CliRun.of("health", dir.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("missing.yaml").doesNotContain("at io.hakit");
    }

    @Test
    void badResolveValueExitsTwoWithOneLine() throws IOException {
        identityPort = 7001;
        webPort = 7002;
        String file = topology(0);

        CliRun run = CliRun.of("health", "--resolve", APP1 + "=not-an-address", file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--resolve '" + APP1 + "=not-an-address'").contains("HOST=ADDR")
                .doesNotContain("at io.hakit");
    }

    @Test
    void connectToMapsPublishedPortsToWhereTheServersListen() throws IOException {
        start(Answers.GOOD, Answers.GOOD, true);
        int published = 443;
        int publishedWeb = 8443;
        int realIdentity = identityPort;
        int realWeb = webPort;
        identityPort = published;
        webPort = publishedWeb;
        String file = topology(0);
        List<String> a = new ArrayList<>(List.of("health", "--ca", caFile().toString()));
        for (String[] host : new String[][] {{APP1, APP1_IP}, {APP2, APP2_IP}, {LB, LB_IP}}) {
            a.addAll(List.of("--connect-to", host[0] + ":" + published + ":" + host[1] + ":" + realIdentity,
                    "--connect-to", host[0] + ":" + publishedWeb + ":" + host[1] + ":" + realWeb));
        }
        a.add(file);
        identityPort = realIdentity;

        CliRun run = CliRun.of(a.toArray(new String[0]));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(APP1 + ":" + published).contains(LB + ":" + publishedWeb)
                .contains("2 farm(s): 2 healthy, 0 degraded, 0 unhealthy");
    }

    @Test
    void badConnectToValueExitsTwoWithOneLine() throws IOException {
        identityPort = 7001;
        webPort = 7002;
        String file = topology(0);

        CliRun run = CliRun.of("health", "--connect-to", APP1 + ":443:127.0.0.1", file);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--connect-to '" + APP1 + ":443:127.0.0.1'").contains("HOST:PORT:ADDR:PORT")
                .doesNotContain("at io.hakit");
    }

    // ---------------------------------------------------------------------------------------------

    /** What an application server answers, per path. */
    enum Answers {
        /** Identity Server page with its marker; Web Services status 200 and "Success". */
        GOOD,
        /** Web Services answers 503 everywhere. */
        WEB_SERVICES_503,
        /** The Identity Server port answers 200 without the IdentityServer4 marker. */
        NOT_IDENTITY_SERVER
    }

    private String[] args(String command, String... rest) throws IOException {
        List<String> a = new ArrayList<>(List.of(command, "--ca", caFile().toString(),
                "--resolve", APP1 + "=" + APP1_IP, "--resolve", APP2 + "=" + APP2_IP, "--resolve", LB + "=" + LB_IP));
        a.addAll(List.of(rest));
        return a.toArray(new String[0]);
    }

    private Path caFile() throws IOException {
        Path pem = dir.resolve("ca.pem");
        if (!Files.exists(pem)) {
            Files.writeString(pem, ca.certificatePem());
        }
        return pem;
    }

    /** Writes a topology with identity-server and web-services on the chosen ports. */
    private String topology(int minServers) throws IOException {
        String health = minServers > 0 ? ", healthCheck: { minServers: " + minServers + " }" : "";
        Path file = dir.resolve("topology.yaml");
        Files.writeString(file, String.join("\n",
                "name: health-test",
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
                "  identity-server: { port: " + identityPort + health + " }",
                "  web-services: { port: " + webPort + health + " }",
                ""));
        return file.toString();
    }

    /**
     * Starts app1 (always good), app2 ({@code app2}; null: nothing listens) and, when
     * {@code lb}, the load balancer's name (good), each on both service ports.
     */
    private void start(Answers app1, Answers app2, boolean lb) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                identityPort = 0;
                webPort = 0;
                identityPort = listen(APP1_IP, 0, APP1, app1);
                webPort = listen(APP1_IP, 0, APP1, app1);
                if (app2 != null) {
                    listen(APP2_IP, identityPort, APP2, app2);
                    listen(APP2_IP, webPort, APP2, app2);
                }
                if (lb) {
                    listen(LB_IP, identityPort, LB, Answers.GOOD);
                    listen(LB_IP, webPort, LB, Answers.GOOD);
                }
                return;
            } catch (BindException e) {
                // a port free on one address was taken on another: try other ports
                servers.forEach(s -> s.stop(0));
                servers.clear();
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private int listen(String address, int port, String fqdn, Answers answers) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(address, port), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.issueServer(fqdn).serverContext()));
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                int local = exchange.getLocalAddress().getPort();
                String path = exchange.getRequestURI().getPath();
                boolean identity = local == identityPort;
                int status = 200;
                String body;
                if (identity) {
                    body = answers == Answers.NOT_IDENTITY_SERVER ? "<html>Welcome to IIS</html>"
                            : "<html><title>IdentityServer4</title></html>";
                } else {
                    status = answers == Answers.WEB_SERVICES_503 ? 503 : 200;
                    body = path.startsWith("/psws/api") ? "Success" : "not found";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        servers.add(server);
        return server.getAddress().getPort();
    }
}
