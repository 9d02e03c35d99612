package io.hakit.examples.demo;

import io.hakit.examples.cli.vendor.RunningSimulator;
import io.hakit.examples.cli.vendor.SimulatorOptions;
import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.VendorSupport;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.health.DeploymentVerifier;
import io.hakit.health.FarmState;
import io.hakit.health.FarmVerdict;
import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.MemberCheck;
import io.hakit.model.tls.TlsSettings;
import io.hakit.health.VerifyReport;
import io.hakit.citrix.NitroClient;
import io.hakit.hl7.MllpListener;
import io.hakit.health.drill.Drill;
import io.hakit.health.drill.DrillReport;
import io.hakit.model.Deployment;
import io.hakit.model.ops.MemberOperations;
import io.hakit.model.Farm;
import io.hakit.model.ServiceMode;
import io.hakit.model.TopologyDiagram;
import io.hakit.model.Vendor;
import io.hakit.test.ReferenceTopologies;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.plan.Plan;
import io.hakit.model.topology.TopologyLoader;
import io.hakit.model.validate.AuditReport;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole product on loopback: the bundled reference topology, validated; HTTPS stand-ins for
 * the two application servers (certificates from a throwaway CA); the Citrix and F5 simulators
 * planned, applied, re-planned and audited; the IIS configuration merged into a stock
 * {@code applicationHost.config}; health directly and through the configured virtual servers; a
 * failover drill on the ADC (each server drained in turn while every farm is probed through the data
 * plane); then a server stopped (and a drill that must fail, leaving the ADC as it was); HL7 through a failover with the active listener stopped mid-stream.
 * Each step is a {@link Step}; a step that fails does not stop the others.
 */
public final class Demo {

    /** The application servers' names. */
    static final List<String> SERVERS = List.of("app1.hospital.org", "app2.hospital.org");
    /**
     * Where every stand-in listens by default: the loopback address every machine has. Each
     * published port (443, 80, ...) is served on an ephemeral port of it, mapped for the demo's
     * connections the way curl's {@code --connect-to} does, so the demo needs no root and no
     * system setting.
     */
    public static final String DEFAULT_LOOPBACK = "127.0.0.1";
    private static final String SIM_USER = "admin";
    private static final String SIM_PASSWORD = "admin";
    /** How long the drill keeps each server drained while it probes. */
    static final Duration DRILL_DURATION = Duration.ofSeconds(1);
    /** The steps, by index, that each step needs to have passed (indexes from 0). */
    private static final List<List<Integer>> NEEDS = List.of(
            List.of(), // topology
            List.of(0), // stand-ins
            List.of(0), // citrix (its data plane stand-in needs the certificates)
            List.of(0), // f5
            List.of(0), // iis
            List.of(0, 1, 2), // health: the stand-ins, and the data plane read back from the ADC
            List.of(0, 1, 2, 5), // drill: drains on the ADC, probes through its data plane, needs HEALTHY first
            List.of(0, 1, 2), // failure: stops a stand-in, checks through the data plane
            List.of(0), // hl7
            List.of(0)); // picture

    /**
     * What one step did.
     *
     * @param name the step's name
     * @param ok whether it did what it should
     * @param detail one line for people
     * @param figures numbers for machines
     */
    public record Step(String name, boolean ok, String detail, Map<String, Object> figures) {

        /**
         * A step not run because a step it needs failed.
         *
         * @param name the step's name
         * @param needs the failed step it needs, from 1
         * @return the step, not ok, saying {@code skipped: needs step N}
         */
        static Step skipped(String name, int needs) {
            return new Step(name, false, "skipped: needs step " + needs, Map.of("skipped", true, "needs", needs));
        }

        /** @return whether the step was not run because a step it needs failed */
        public boolean skipped() {
            return Boolean.TRUE.equals(figures.get("skipped"));
        }
    }

    /** Told of each step as it starts and ends. */
    public interface Progress {
        /**
         * @param index from 1
         * @param total how many steps
         * @param title what the step does
         */
        void starting(int index, int total, String title);

        /** @param step what it did */
        void finished(Step step);
    }

    /**
     * Everything the demo did.
     *
     * @param steps the steps, in order
     * @param diagram the topology as a Mermaid flowchart, with the farm states after the failure
     * @param elapsed how long it took
     * @param drill the drill's report, when the drill step ran
     */
    public record Report(List<Step> steps, String diagram, Duration elapsed, Optional<DrillReport> drill) {
        /** @return whether every step did what it should */
        public boolean ok() {
            return steps.stream().allMatch(Step::ok);
        }
    }

    private final int hl7Messages;
    private final Path dir;
    private final String loopback;
    private final PortMap ports = new PortMap();
    private ThrowawayCa hospitalCa;
    private ThrowawayCa publicCa;
    private ThrowawayCa.Issued lbCert;
    private final Map<String, ThrowawayCa.Issued> serverCerts = new LinkedHashMap<>();
    private Deployment deployment;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, StandInServers> standIns = new LinkedHashMap<>();
    private Map<String, String> farmStates = Map.of();
    private Map<String, Set<String>> downServers = Map.of();
    private MemberOperations adcMembers;
    private DrillReport drillReport;

    /**
     * @param hl7Messages how many HL7 messages to send through the failover
     * @param dir a scratch directory for the topology, certificates and the IIS file
     */
    public Demo(int hl7Messages, Path dir) {
        this(hl7Messages, dir, DEFAULT_LOOPBACK);
    }

    /**
     * @param hl7Messages how many HL7 messages to send through the failover
     * @param dir a scratch directory for the topology, certificates and the IIS file
     * @param loopback the address every stand-in and listener binds (ephemeral ports only)
     */
    Demo(int hl7Messages, Path dir, String loopback) {
        this.hl7Messages = hl7Messages;
        this.dir = dir;
        this.loopback = loopback;
    }

    /**
     * Runs every step.
     *
     * @param progress told of each step
     * @return the report
     */
    public Report run(Progress progress) {
        long started = System.nanoTime();
        // the JDK HTTP server reads this once, at its first start: without it every answer of the
        // stand-ins and simulators waits ~40 ms for the client's delayed ACK
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        List<String> titles = List.of(
                "load and validate the reference topology",
                "start HTTPS stand-ins for app1 and app2 (throwaway CA)",
                "Citrix ADC simulator: plan, apply, re-plan, audit; its virtual servers become the data plane",
                "F5 BIG-IP simulator: plan, apply in one transaction, re-plan, audit",
                "IIS + ARR: render and merge into a stock applicationHost.config, re-plan",
                "health: every member directly, and through the ADC's configured virtual servers",
                "drill: drain app1 then app2 on the ADC, probe every farm through its data plane, enable",
                "stop app2: the farms show DEGRADED and name the member",
                "HL7: failover with the active listener stopped mid-stream",
                "draw the topology with its health");
        List<Step> steps = new ArrayList<>();
        try {
            for (int i = 0; i < titles.size(); i++) {
                progress.starting(i + 1, titles.size(), titles.get(i));
                Optional<Integer> failedNeed = NEEDS.get(i).stream().filter(n -> !steps.get(n).ok()).findFirst();
                Step s;
                if (failedNeed.isPresent()) {
                    s = Step.skipped(name(i), failedNeed.get() + 1);
                } else {
                    try {
                        s = step(i);
                    } catch (RuntimeException | IOException | InterruptedException e) {
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                        }
                        s = new Step(name(i), false, "failed: " + oneLine(e), Map.of());
                    }
                }
                steps.add(s);
                progress.finished(s);
            }
        } finally {
            closeAll();
        }
        String diagram = deployment == null ? "" : TopologyDiagram.mermaid(deployment, farmStates, downServers);
        return new Report(steps, diagram, Duration.ofNanos(System.nanoTime() - started),
                Optional.ofNullable(drillReport));
    }

    /**
     * The drill's rig alone, for {@code hakit bench drill}: the reference topology, the stand-ins, the Citrix
     * simulator applied with its data plane, then one drill with no pause between rounds of probes.
     *
     * @param dir a scratch directory
     * @param duration how long each server stays drained while probes run
     * @return the drill's report
     * @throws IOException when the scratch directory cannot be written
     * @throws IllegalStateException when the rig does not come up
     */
    public static DrillReport drillOnly(Path dir, Duration duration) throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Demo demo = new Demo(0, dir, DEFAULT_LOOPBACK);
        try {
            for (int i = 0; i <= 2; i++) {
                Step s = i == 0 ? demo.topology() : i == 1 ? demo.standIns() : demo.device("citrix", Vendor.CITRIX);
                if (!s.ok()) {
                    throw new IllegalStateException("the drill's rig did not come up: " + s.name() + ": " + s.detail());
                }
            }
            return Drill.builder().deployment(demo.deployment).operations(demo.adcMembers).probers(demo::prober)
                    .duration(duration).interval(Duration.ZERO).drainWait(Duration.ofSeconds(5))
                    .healthyWait(Duration.ofSeconds(30)).poll(Duration.ofMillis(100)).build().run();
        } finally {
            demo.closeAll();
        }
    }

    private static String name(int i) {
        return List.of("topology", "stand-ins", "citrix", "f5", "iis", "health", "drill", "failure", "hl7", "picture").get(i);
    }

    private Step step(int i) throws IOException, InterruptedException {
        switch (i) {
            case 0:
                return topology();
            case 1:
                return standIns();
            case 2:
                return device("citrix", Vendor.CITRIX);
            case 3:
                return device("f5", Vendor.F5);
            case 4:
                return iis();
            case 5:
                return health();
            case 6:
                return drill();
            case 7:
                return failure();
            case 8:
                return hl7();
            default:
                return picture();
        }
    }

    private Step topology() throws IOException {
        hospitalCa = ThrowawayCa.create("Demo Hospital CA", ThrowawayCa.KeyType.EC, Duration.ofDays(365));
        publicCa = ThrowawayCa.create("Demo Public CA", ThrowawayCa.KeyType.EC, Duration.ofDays(365));
        lbCert = publicCa.issue(c -> c.commonName("patientsecure.hospital.org")
                .dnsNames("patientsecure.hospital.org", "patientsecurehl7.hospital.org")
                .validity(java.time.Instant.now().minus(Duration.ofHours(1)), java.time.Instant.now().plus(Duration.ofDays(90))));
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("lb.pem"), lbCert.chainPem());
        Files.writeString(certs.resolve("lb-key.pem"), lbCert.privateKeyPem());
        Files.writeString(certs.resolve("hospital-ca.pem"), hospitalCa.certificatePem());
        for (String fqdn : SERVERS) {
            ThrowawayCa.Issued cert = hospitalCa.issue(c -> c.commonName(fqdn).dnsNames(fqdn)
                    .validity(java.time.Instant.now().minus(Duration.ofHours(1)), java.time.Instant.now().plus(Duration.ofDays(90))));
            Files.writeString(certs.resolve(fqdn.substring(0, fqdn.indexOf('.')) + ".pem"), cert.chainPem());
            serverCerts.put(fqdn, cert);
        }
        Path topology = dir.resolve("reference-citrix.yaml");
        Files.writeString(topology, ReferenceTopologies.yaml(Vendor.CITRIX));
        deployment = TopologyLoader.load(topology);
        ValidationReport report = Validator.standard().validate(deployment);
        return new Step("topology", report.isValid(), deployment.name() + ": " + deployment.servers().size() + " servers, "
                + deployment.enabledServices().size() + " services, " + deployment.vips().size() + " VIPs; "
                + report.errors() + " errors, " + report.warnings() + " warnings",
                figures("errors", report.errors(), "warnings", report.warnings(), "vips", deployment.vips().size()));
    }

    private Step standIns() {
        for (String fqdn : SERVERS) {
            ThrowawayCa.Issued cert = serverCerts.get(fqdn);
            List<Integer> https = new ArrayList<>();
            List<Integer> http = new ArrayList<>();
            for (Farm f : deployment.farms()) {
                if (f.mode() == ServiceMode.FAILOVER) {
                    continue;
                }
                f.ports().forEach(p -> (p.tls() ? https : http).add(p.serverPort()));
            }
            StandInServers servers = StandInServers.startEphemeral(fqdn, loopback, cert.serverContext(), https, http,
                    ports);
            standIns.put(fqdn, servers);
            resources.add(servers);
        }
        String example = SERVERS.get(0) + ":443 -> " + ports.get(SERVERS.get(0), 443)
                .map(a -> a.getAddress().getHostAddress() + ":" + a.getPort()).orElse("?");
        return new Step("stand-ins", true, String.join(", ", SERVERS) + " on " + loopback + ", "
                + standIns.values().iterator().next().ports() + " service ports each on unprivileged ports (e.g. "
                + example + ")", figures("servers", standIns.size()));
    }

    /** Serves the load balancer's data plane from what the ADC really has configured (see {@link AdcDataPlane}). */
    private String dataPlaneFromAdc(java.net.URI url) {
        NitroClient nitro = NitroClient.builder().url(url).credentials(SIM_USER, SIM_PASSWORD).build();
        resources.add(nitro);
        List<LoadBalancerStandIn.Listener> listeners = AdcDataPlane.listeners(nitro);
        resources.add(LoadBalancerStandIn.start(deployment.loadBalancer().fqdn(), loopback, listeners, ports,
                lbCert.serverContext(), hospitalCa.clientContext()));
        return "; its " + listeners.size() + " HTTP/SSL virtual servers, read back from the ADC, serve on " + loopback;
    }

    private Step device(String key, Vendor vendor) {
        Deployment d = deployment.copy(b -> b.loadBalancer(deployment.loadBalancer().copy(lb -> {
            lb.vendor(vendor);
            if (vendor == Vendor.F5) {
                lb.hl7Fqdn("patientsecurehl7.hospital.org").hl7Address("10.20.0.51");
            }
        })));
        VendorSupport support = Vendors.of(key);
        RunningSimulator sim = support.simulate(new SimulatorOptions(0, SIM_USER, SIM_PASSWORD, Optional.empty()))
                .orElseThrow(() -> new IllegalStateException(key + " has no simulator"));
        // the ADC stays up for the drill, which drains its members; the others close here
        boolean keep = vendor == Vendor.CITRIX;
        if (keep) {
            resources.add(sim);
        }
        try {
            Target target = new Target(Optional.of(sim.url()), Optional.of(SIM_USER), Optional.of(SIM_PASSWORD),
                    Optional.empty(), Optional.of(dir.resolve("certs/lb-key.pem")), false, true, Optional.empty(),
                    Optional.empty(), false, Duration.ofSeconds(5), Duration.ofSeconds(30));
            LoadBalancerAdapter adapter = support.open(target);
            try {
                Plan plan = adapter.plan(d);
                ApplyResult applied = adapter.apply(d, plan, ApplyListener.NONE);
                Plan again = adapter.plan(d);
                AuditReport audit = adapter.audit(Optional.of(d));
                boolean ok = applied.succeeded() && again.isEmpty() && audit.report().isValid()
                        && audit.driftChanges().isEmpty();
                String dataPlane = vendor == Vendor.CITRIX && ok ? dataPlaneFromAdc(sim.url()) : "";
                return new Step(key, ok, plan.changes().size() + " changes applied in " + applied.requests()
                        + " requests (" + applied.outcome().key() + "); re-plan: " + again.changes().size()
                        + " changes; audit: " + audit.report().errors() + " errors, " + audit.driftChanges().size()
                        + " drift" + dataPlane, figures("changes", plan.changes().size(), "requests", applied.requests(),
                        "writes", applied.writes(), "replanChanges", again.changes().size(),
                        "auditErrors", audit.report().errors()));
            } finally {
                if (keep && adapter instanceof MemberOperations ops) {
                    adcMembers = ops;
                    resources.add(adapter);
                } else {
                    adapter.close();
                }
            }
        } finally {
            if (!keep) {
                sim.close();
            }
        }
    }

    private Step iis() throws IOException {
        Deployment d = deployment.copy(b -> b.loadBalancer(deployment.loadBalancer().copy(lb -> lb.vendor(Vendor.IIS))));
        Path config = dir.resolve("iis/applicationHost.config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, resource("applicationHost.config"));
        long before = Files.size(config);
        VendorSupport support = Vendors.of("iis");
        Target target = new Target(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, false, Optional.empty(), Optional.of(config), false, Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        try (LoadBalancerAdapter adapter = support.open(target)) {
            Plan plan = adapter.plan(d);
            ApplyResult applied = adapter.apply(d, plan, ApplyListener.NONE);
            Plan again = adapter.plan(d);
            AuditReport audit = adapter.audit(Optional.of(d));
            long after = Files.size(config);
            boolean ok = applied.succeeded() && again.isEmpty() && audit.report().isValid();
            return new Step("iis", ok, plan.changes().size() + " changes merged (" + before + " -> " + after
                    + " bytes, backup kept); re-plan: " + again.changes().size() + " changes; audit: "
                    + audit.report().errors() + " errors", figures("changes", plan.changes().size(), "bytesBefore",
                    before, "bytesAfter", after, "replanChanges", again.changes().size()));
        }
    }

    private VerifyReport verify(DeploymentVerifier.Mode mode) {
        // every published host and port goes where its stand-in listens; nothing else resolves
        try (HealthProber prober = HealthProber.builder()
                .tls(TlsSettings.builder().trust(hospitalCa.chain()).trust(publicCa.chain()).build())
                .resolver(HostResolver.mapped(Map.of())).connectTo(ports.connectTo())
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            return DeploymentVerifier.create(prober).verify(deployment, mode);
        }
    }

    private Step health() {
        VerifyReport report = verify(DeploymentVerifier.Mode.BOTH);
        long probes = report.farms().stream().mapToLong(f -> f.members().size() + f.viaLb().size()).sum();
        record(report);
        String problems = report.farms().stream().filter(f -> f.state() != FarmState.HEALTHY)
                .map(f -> f.service() + ": " + f.diagnosis()).collect(Collectors.joining("; "));
        return new Step("health", report.state() == FarmState.HEALTHY, report.farms().size() + " farms "
                + report.state() + " (" + probes + " member and virtual-server checks)"
                + (problems.isEmpty() ? "" : ": " + problems),
                figures("farms", report.farms().size(), "state", report.state().name()));
    }

    private HealthProber prober() {
        // every published host and port goes where its stand-in listens; nothing else resolves
        return HealthProber.builder()
                .tls(TlsSettings.builder().trust(hospitalCa.chain()).trust(publicCa.chain()).build())
                .resolver(HostResolver.mapped(Map.of())).connectTo(ports.connectTo())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The failover drill against the ADC simulator and its data plane: each server drained in turn on the
     * ADC (graceful disable), every farm probed through the data plane while it is out, enabled, HEALTHY
     * again; the ADC's member states read back equal to those before.
     */
    private Step drill() {
        if (adcMembers == null) {
            return Step.skipped("drill", 3);
        }
        Drill drill = Drill.builder().deployment(deployment).operations(adcMembers).probers(this::prober)
                .duration(DRILL_DURATION).interval(Duration.ofMillis(20)).drainWait(Duration.ofSeconds(5))
                .healthyWait(Duration.ofSeconds(30)).poll(Duration.ofMillis(100)).build();
        DrillReport r = drill.run();
        drillReport = r;
        String steps = r.steps().stream().map(s -> s.server() + " out: " + s.probes() + " probes, " + s.failed()
                + " failed, served by " + s.servedBy().keySet()).collect(Collectors.joining("; "));
        return new Step("drill", r.passed(), r.verdict().wire() + ": " + steps + "; ADC "
                + (r.restored() ? "as it was" : "NOT as it was") + (r.message().isEmpty() ? "" : " (" + r.message()
                + ")"), figures("verdict", r.verdict().wire(), "probes", r.probes(), "failed", r.failed(),
                "restored", r.restored()));
    }

    private Step failure() {
        StandInServers app2 = standIns.get("app2.hospital.org");
        if (app2 == null) {
            return Step.skipped("failure", 2);
        }
        app2.close();
        VerifyReport report = verify(DeploymentVerifier.Mode.BOTH);
        record(report);
        List<FarmVerdict> degraded = report.farms().stream().filter(f -> f.state() == FarmState.DEGRADED).toList();
        boolean namesApp2 = degraded.stream().allMatch(f -> f.diagnosis().contains("app2.hospital.org"));
        boolean stillServing = report.farms().stream().allMatch(f -> f.viaLb().stream().allMatch(MemberCheck::up));
        // with app2 gone no farm has a second member up: the drill must fail and leave the ADC as it was
        Optional<DrillReport> drill = Optional.ofNullable(adcMembers).map(ops -> Drill.builder().deployment(deployment)
                .operations(ops).probers(this::prober).duration(Duration.ZERO).drainWait(Duration.ZERO)
                .healthyWait(Duration.ofSeconds(5)).poll(Duration.ofMillis(100)).build().run());
        boolean drillRefused = drill.map(r -> !r.passed() && r.restored()).orElse(true);
        boolean ok = degraded.size() == report.farms().size() && namesApp2 && stillServing && drillRefused;
        String example = degraded.isEmpty() ? "" : "; e.g. " + degraded.get(0).service() + ": " + degraded.get(0).diagnosis();
        String drilled = drill.map(r -> "; a drill now: " + r.verdict().wire() + ", ADC "
                + (r.restored() ? "as it was" : "NOT as it was")).orElse("");
        return new Step("failure", ok, degraded.size() + " of " + report.farms().size() + " farms DEGRADED, naming"
                + " app2.hospital.org; through the load balancer " + (stillServing ? "still serving" : "FAILING")
                + drilled + example, figures("degraded", degraded.size(), "farms", report.farms().size(),
                "servingViaLb", stillServing, "drillVerdict", drill.map(r -> r.verdict().wire()).orElse("-"),
                "drillRestored", drill.map(DrillReport::restored).orElse(false)));
    }

    private void record(VerifyReport report) {
        Map<String, String> states = new LinkedHashMap<>();
        Map<String, Set<String>> down = new LinkedHashMap<>();
        for (FarmVerdict f : report.farms()) {
            states.put(f.service(), f.state().name());
            Set<String> d = f.members().stream().filter(m -> !m.up()).map(m -> m.target().host())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!d.isEmpty()) {
                down.put(f.service(), d);
            }
        }
        farmStates = states;
        downServers = down;
    }

    private Step hl7() throws IOException, InterruptedException {
        int port = deployment.farms().stream().filter(f -> f.mode() == ServiceMode.FAILOVER).findFirst()
                .map(f -> f.ports().get(0).serverPort()).orElse(MllpListener.DEFAULT_PORT);
        InetAddress address = InetAddress.getByName(loopback);
        Hl7FailoverRun.Result r = Hl7FailoverRun.run(SERVERS, address, hl7Messages, (fqdn, listener) -> {
            resources.add(listener);
            ports.put(fqdn, port, new java.net.InetSocketAddress(address, listener.port()));
        });
        return new Step("hl7", r.ok(), "sent " + r.sent() + ", acknowledged " + r.acknowledged() + ", lost "
                + r.lost() + ", duplicates " + r.duplicates() + " (in flight at the switch), in order: "
                + (r.inOrder() ? "yes" : "NO") + "; the active listener on app1 was stopped after " + r.stoppedAfter(),
                figures("sent", r.sent(), "acknowledged", r.acknowledged(), "lost", r.lost(), "duplicates",
                        r.duplicates(), "inOrder", r.inOrder()));
    }

    private Step picture() {
        String m = TopologyDiagram.mermaid(deployment, farmStates, downServers);
        return new Step("picture", true, m.lines().count() + " lines of Mermaid (printed below)",
                figures("lines", m.lines().count()));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("the demo resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> figures(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ').strip();
    }

    private void closeAll() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // closing
            }
        }
        resources.clear();
    }
}
