package io.hakit.examples.cli;

import io.hakit.examples.cli.vendor.Target;
import io.hakit.examples.cli.vendor.Vendors;
import io.hakit.health.ConnectTo;
import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.drill.Drill;
import io.hakit.health.drill.DrillEvent;
import io.hakit.health.drill.DrillListener;
import io.hakit.health.drill.DrillReport;
import io.hakit.health.drill.DrillStep;
import io.hakit.health.drill.Hl7TestSender;
import io.hakit.hl7.Ack;
import io.hakit.hl7.Hl7Exception;
import io.hakit.hl7.Hl7Message;
import io.hakit.hl7.MllpClient;
import io.hakit.hl7.MllpEndpoint;
import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.ServiceMode;
import io.hakit.model.cert.Pem;
import io.hakit.model.ops.MemberOperations;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.tls.TlsSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hakit drill}: prove the deployment survives losing either server. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"For each server in turn: drain it on the device, probe every farm through the load balancer",
            "for --duration (every request must succeed, from the other server), send one HL7 test message through",
            "the HL7 virtual server when --hl7-message is given (never by default), enable it, wait until every farm",
            "is HEALTHY. Stops at the first failure; whatever it changed is put back on failure or interrupt (Ctrl-C).",
            "Devices: --vendor citrix|f5 --url URL --user U --password-env VAR [--ca PEM].",
            "Exit 0: passed and the device is as it was; 1: failed (the report says whether it was restored); 2: usage."})
final class DrillCommand implements Callable<Integer> {

    @Mixin
    DeviceOptions device;

    @Parameters(index = "0", paramLabel = "FILE", description = "The topology file (YAML or JSON).")
    Path file;

    @Option(names = "--resolve", paramLabel = "HOST=ADDR",
            description = "Connect to ADDR for HOST (like curl's --resolve); SNI, Host and certificate checks still use HOST. Repeatable.")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--connect-to", paramLabel = "HOST:PORT:ADDR:PORT",
            description = "Connect to ADDR:PORT for HOST:PORT (like curl's --connect-to). Repeatable.")
    List<String> connectTo = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "PEM",
            description = "Trust these CA certificates in probes, besides the topology's trust.ca and the platform's (e.g. the load balancer certificate's CA). Repeatable.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            description = "How long each server stays drained while probes run (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "100ms",
            description = "Pause between rounds of probes (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "1m",
            description = "How long each drain waits for connections to finish (default: ${DEFAULT-VALUE}).")
    String waitFor;

    @Option(names = "--healthy-wait", paramLabel = "DURATION", defaultValue = "2m",
            description = "How long to wait for every farm to be HEALTHY after an enable (default: ${DEFAULT-VALUE}).")
    String healthyWait;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", hidden = true,
            description = "How often the drain and the HEALTHY wait check (default: ${DEFAULT-VALUE}).")
    String poll;

    @Option(names = "--hl7-message", paramLabel = "FILE",
            description = "Send this HL7 message (a test patient) through the HL7 virtual server while each server is drained.")
    Path hl7Message;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Target target = device.target(false, Optional.empty(), false);
        Deployment d = Topologies.loadValid(file);
        boolean json = output.json();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter progress = json ? spec.commandLine().getErr() : stdout;
        HostResolver resolver = resolver(d);
        List<ConnectTo> mappings = ConnectTo.parse(connectTo);
        TlsSettings.Builder tls = TlsSettings.builder().platformTrust(true);
        d.trustCa().ifPresent(tls::trust);
        trust.forEach(p -> tls.trust(Pem.read(p)));
        TlsSettings probeTls = tls.build();
        Optional<Hl7Message> message = hl7Message == null ? Optional.empty() : Optional.of(read(hl7Message));
        try (LoadBalancerAdapter adapter = Vendors.of(device.vendor).open(target)) {
            if (!(adapter instanceof MemberOperations ops)) {
                throw new IllegalArgumentException("--vendor " + device.vendor
                        + " cannot drill: the drill drains members on a device (citrix or f5)");
            }
            Drill.Builder b = Drill.builder().deployment(d).operations(ops)
                    .probers(() -> HealthProber.builder().tls(probeTls).resolver(resolver).connectTo(mappings).build())
                    .duration(DeviceOptions.duration("--duration", duration))
                    .interval(DeviceOptions.duration("--interval", interval))
                    .drainWait(DeviceOptions.duration("--wait", waitFor))
                    .healthyWait(DeviceOptions.duration("--healthy-wait", healthyWait))
                    .poll(DeviceOptions.duration("--poll", poll))
                    .listener(new Timeline(progress));
            message.ifPresent(m -> b.hl7(hl7Sender(d, m, resolver, mappings)));
            Drill drill = b.build();
            // Ctrl-C or a kill while a server is drained: put it back before the JVM exits
            Thread hook = new Thread(drill::restore, "hakit-drill-restore");
            Runtime.getRuntime().addShutdownHook(hook);
            DrillReport report;
            try {
                report = drill.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs
                }
            }
            if (json) {
                stdout.println(DrillJson.of(report));
            } else {
                text(report, stdout);
            }
            stdout.flush();
            if (!report.passed()) {
                spec.commandLine().getErr().println("hakit: drill failed: " + report.message() + "; device "
                        + (report.restored() ? "restored (member states as before)" : "NOT as it was: check it"));
                return Hakit.FOUND_WANTING;
            }
            return Hakit.OK;
        }
    }

    private HostResolver resolver(Deployment d) {
        HostResolver r = HostResolver.parse(resolve);
        if (d.loadBalancer().address().isPresent()) {
            r = r.orElse(HostResolver.mapped(Map.of(d.loadBalancer().fqdn(), d.loadBalancer().address().get())));
        }
        if (d.loadBalancer().hl7Fqdn().isPresent() && d.loadBalancer().hl7Address().isPresent()) {
            r = r.orElse(HostResolver.mapped(Map.of(d.loadBalancer().hl7Fqdn().get(),
                    d.loadBalancer().hl7Address().get())));
        }
        return r.orElse(HostResolver.system());
    }

    private static Hl7Message read(Path p) {
        try {
            return Hl7Message.parse(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --hl7-message " + p + ": " + e.getMessage(), e);
        }
    }

    /** One message to the HL7 virtual server (the HL7 name, else the load balancer's), over a new connection. */
    static Hl7TestSender hl7Sender(Deployment d, Hl7Message message, HostResolver resolver, List<ConnectTo> mappings) {
        Farm hl7 = d.farms().stream().filter(f -> f.mode() == ServiceMode.FAILOVER).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--hl7-message: the topology has no HL7 service"));
        String host = d.loadBalancer().hl7Fqdn().orElse(d.loadBalancer().fqdn());
        int port = hl7.ports().get(0).lbPort();
        return () -> {
            Optional<InetSocketAddress> mapped = mappings.stream().filter(c -> c.matches(host, port)).findFirst()
                    .map(ConnectTo::destination);
            List<InetAddress> addresses = resolver.resolve(host);
            if (mapped.isEmpty() && addresses.isEmpty()) {
                return Optional.of("cannot resolve " + host + " (give --resolve " + host + "=ADDR)");
            }
            MllpEndpoint endpoint = mapped.map(a -> MllpEndpoint.of(host, a.getPort()).withAddress(a.getAddress()))
                    .orElseGet(() -> MllpEndpoint.of(host, port).withAddress(addresses.get(0)));
            try (MllpClient client = MllpClient.builder().endpoint(endpoint).build()) {
                Ack ack = client.send(message);
                return ack.isAccepted() ? Optional.empty()
                        : Optional.of("ACK " + ack.code() + (ack.text().isEmpty() ? "" : ": " + ack.text()));
            } catch (Hl7Exception e) {
                return Optional.of(e.getMessage());
            }
        };
    }

    private static void text(DrillReport r, PrintWriter out) {
        for (DrillStep s : r.steps()) {
            out.printf("  %-30s drained %-5s %d probes, %d failed, served by %s; enabled %s; HEALTHY after %s%n",
                    s.server(), s.drained(), s.probes(), s.failed(), s.servedBy(), s.enabled(),
                    s.healthyAfterMs() < 0 ? "-" : s.healthyAfterMs() + " ms");
        }
        out.printf("drill %s: %d probes, %d failed; device %s%n", r.verdict().wire(), r.probes(), r.failed(),
                r.restored() ? "as it was" : "NOT as it was");
    }

    /** The timeline, line by line as it happens. */
    private static final class Timeline implements DrillListener {
        private final PrintWriter out;

        Timeline(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void event(DrillEvent e) {
            out.println("  " + e);
            out.flush();
        }
    }
}
