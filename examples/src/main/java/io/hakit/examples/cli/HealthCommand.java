package io.hakit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.health.ConnectTo;
import io.hakit.health.DeploymentVerifier;
import io.hakit.health.FarmState;
import io.hakit.health.FarmVerdict;
import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.MemberCheck;
import io.hakit.health.ProbeOutcome;
import io.hakit.health.ProbeResult;
import io.hakit.model.tls.TlsSettings;
import io.hakit.health.VerifyReport;
import io.hakit.model.Deployment;
import io.hakit.model.cert.Pem;
import io.hakit.model.topology.TopologyLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hakit health FILE}: probe every service on every application server directly and
 * through the load balancer's name, and say which layer is at fault.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Probe every service directly and through the load balancer; name the layer at fault.",
            "Every application server is probed directly, then through the load balancer's name; the farm and",
            "member at fault are named.",
            "A farm is HEALTHY (every member up), DEGRADED (serving, but fewer members up than it has: high",
            "availability lost) or UNHEALTHY (not serving, or failing through the load balancer).",
            "With --watch INTERVAL: keep probing and print state changes only; with",
            "--metrics-port N, also serve Prometheus metrics. Stop with Ctrl-C.",
            "Exit 0: every farm HEALTHY; 1: a farm is DEGRADED or UNHEALTHY; 2: the input could not be read."})
final class HealthCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @ArgGroup(exclusive = true)
    Scope scope;

    static final class Scope {
        @Option(names = "--direct", description = "Check the application servers only, directly.")
        boolean direct;

        @Option(names = "--via-lb", description = "Check through the load balancer's name only.")
        boolean viaLb;
    }

    @Option(names = "--resolve", paramLabel = "HOST=ADDR",
            description = "Connect to ADDR for HOST (like curl's --resolve); SNI, Host and certificate checks still use HOST. Repeatable.")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--connect-to", paramLabel = "HOST:PORT:ADDR:PORT",
            description = "Connect to ADDR:PORT for HOST:PORT (like curl's --connect-to); SNI, Host and certificate checks still use HOST:PORT. Repeatable.")
    List<String> connectTo = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "PEM",
            description = "Trust these CA certificates (default: the topology's trust.ca), plus the platform's.")
    Path ca;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "TCP connect + TLS handshake time-out, e.g. 5s or PT5S (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Override every health test's response time-out, e.g. 3s.")
    String timeout;

    @Option(names = "--watch", paramLabel = "INTERVAL",
            description = "Keep probing every INTERVAL (e.g. 10s or PT10S) until interrupted; print state changes only.")
    String watch;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "With --watch: serve Prometheus metrics on http://127.0.0.1:N/metrics (0: any free port).")
    Integer metricsPort;

    @Option(names = "--metrics-bind", paramLabel = "ADDR",
            description = "Serve the metrics on ADDR instead of 127.0.0.1 (e.g. 0.0.0.0 to expose them).")
    String metricsBind;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HealthWatch watching = HealthWatch.of(watch, metricsPort, metricsBind, scope != null && scope.viaLb,
                scope != null && scope.direct, output.json(), spec.commandLine().getOut());
        HostResolver requested = HostResolver.parse(resolve);
        List<ConnectTo> mappings = ConnectTo.parse(connectTo);
        Deployment loaded = TopologyLoader.load(file);
        Deployment deployment = loaded;
        if (timeout != null) {
            Duration t = duration("--timeout", timeout);
            deployment = loaded.copy(d -> d.services(loaded.services().stream()
                    .map(s -> s.healthTest().isPresent() || s.type().healthTest().isPresent()
                            ? s.copy(b -> b.healthTest(s.healthTest().or(() -> s.type().healthTest()).orElseThrow()
                                    .copy(h -> h.timeout(t))))
                            : s)
                    .toList()));
        }
        TlsSettings.Builder tls = TlsSettings.builder().platformTrust(true);
        if (ca != null) {
            tls.trust(Pem.read(ca));
        } else {
            deployment.trustCa().ifPresent(tls::trust);
        }
        // --resolve first, then the load balancer's own address from the topology, then DNS
        HostResolver resolver = requested;
        Deployment d = deployment;
        if (d.loadBalancer().address().isPresent()) {
            resolver = resolver.orElse(HostResolver.mapped(Map.of(d.loadBalancer().fqdn(), d.loadBalancer().address().get())));
        }
        resolver = resolver.orElse(HostResolver.system());
        DeploymentVerifier.Mode mode = scope == null ? DeploymentVerifier.Mode.BOTH
                : scope.direct ? DeploymentVerifier.Mode.DIRECT : DeploymentVerifier.Mode.VIA_LB;
        VerifyReport report;
        try (HealthProber prober = HealthProber.builder().tls(tls.build()).resolver(resolver).connectTo(mappings)
                .connectTimeout(duration("--connect-timeout", connectTimeout)).build()) {
            if (watching != null) {
                return watching.run(d, prober);
            }
            report = DeploymentVerifier.create(prober).verify(d, mode);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(json(report));
        } else {
            text(out, d, mode, report);
        }
        out.flush();
        return report.state() == FarmState.HEALTHY ? Hakit.OK : Hakit.FOUND_WANTING;
    }

    private static Duration duration(String option, String text) {
        String t = text.strip();
        try {
            if (t.toUpperCase().startsWith("P")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (RuntimeException e) {
            // fall through to the message
        }
        throw new IllegalArgumentException(option + " '" + text + "' is not a duration; write e.g. 5s, 500ms or PT5S");
    }

    private void text(PrintWriter out, Deployment d, DeploymentVerifier.Mode mode, VerifyReport report) {
        out.printf("%s: %s via %s %s (%s)%n", file, d.name(), d.vendor(), d.loadBalancer().fqdn(),
                mode.name().toLowerCase().replace('_', '-'));
        for (FarmVerdict v : report.farms()) {
            out.printf("%n%-18s %s  %s%n", v.service(), v.state(), v.farm());
            for (MemberCheck m : v.members()) {
                line(out, "direct", m);
            }
            for (MemberCheck m : v.viaLb()) {
                line(out, "via LB", m);
            }
            out.printf("  %s: %s%n", v.fault() == io.hakit.health.Fault.NONE ? "ok" : "fault " + v.fault(), v.diagnosis());
        }
        long degraded = report.farms().stream().filter(f -> f.state() == FarmState.DEGRADED).count();
        long bad = report.farms().stream().filter(f -> f.state() == FarmState.UNHEALTHY).count();
        out.printf("%n%d farm(s): %d healthy, %d degraded, %d unhealthy%n", report.farms().size(),
                report.farms().size() - degraded - bad, degraded, bad);
        List<String> unresolved = report.farms().stream()
                .flatMap(f -> java.util.stream.Stream.concat(f.members().stream(), f.viaLb().stream()))
                .filter(m -> m.results().stream().anyMatch(r -> r.outcome() == ProbeOutcome.UNRESOLVED))
                .map(m -> m.target().host()).distinct().toList();
        if (!unresolved.isEmpty()) {
            out.printf("hint: cannot resolve %s; map a name to an address with --resolve HOST=ADDR, e.g. --resolve %s=10.0.0.11%n",
                    String.join(", ", unresolved), unresolved.get(0));
        }
    }

    private static void line(PrintWriter out, String how, MemberCheck m) {
        ProbeResult r = m.decisive();
        out.printf("  %-6s %-40s %-4s %3s %5d ms  %s%n", how, m.target(), m.state(), r.hasStatus() ? r.status() : "-",
                r.latency().toMillis(), m.up() ? "" : r.outcome() + ": " + r.reason());
    }

    static String json(VerifyReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode farms = root.putArray("farms");
        for (FarmVerdict v : report.farms()) {
            ObjectNode f = farms.addObject();
            f.put("service", v.service());
            f.put("farm", v.farm());
            f.put("state", v.state().name());
            ArrayNode members = f.putArray("members");
            for (MemberCheck m : v.members()) {
                member(members.addObject().put("server", m.target().host()), m);
            }
            ArrayNode lb = f.putArray("viaLb");
            for (MemberCheck m : v.viaLb()) {
                member(lb.addObject().put("server", m.target().host()), m);
            }
            f.put("healthy", v.state() == FarmState.HEALTHY);
            f.put("serving", v.healthy());
            f.put("minServers", v.minServers());
            f.put("fault", v.fault().name());
            f.put("diagnosis", v.diagnosis());
        }
        root.put("state", report.state().name());
        root.put("healthy", report.state() == FarmState.HEALTHY);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the health report as JSON", e);
        }
    }

    private static void member(ObjectNode n, MemberCheck m) {
        ProbeResult r = m.decisive();
        n.put("port", m.target().port());
        n.put("state", m.state().name());
        if (r.hasStatus()) {
            n.put("status", r.status());
        } else {
            n.putNull("status");
        }
        n.put("latencyMs", r.latency().toMillis());
        n.put("outcome", r.outcome().name());
        n.put("reason", r.reason());
        n.put("url", r.url());
    }
}
