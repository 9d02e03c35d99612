package io.hakit.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.examples.demo.StandInServers;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.Hl7Handler;
import io.hakit.hl7.MllpListener;
import io.hakit.test.F5SimulatorTest;
import io.hakit.test.ThrowawayCa;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every runnable task example is compiled and run here, as a user would run it. */
@F5SimulatorTest
class TasksTest {

    @TempDir
    Path dir;

    /** Runs a task's main and returns what it printed. */
    private static String run(ThrowingMain main) throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(before);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void validateTopology() throws Exception {
        String out = run(() -> ValidateTopology.main(new String[] {"topologies/reference-f5.yaml"}));

        assertThat(out).contains("farm PatientSecure Web Services -> [app1.hospital.org:7002, app2.hospital.org:7002]")
                .contains("vip patientsecurehl7.hospital.org:2244")
                .contains("configure ").endsWith("valid\n");
    }

    @Test
    void watchFarmHealth() throws Exception {
        ThrowawayCa ca = ThrowawayCa.create("Tasks CA");
        Files.writeString(dir.resolve("ca.pem"), ca.certificatePem());
        Path topology = dir.resolve("topology.yaml");
        Files.writeString(topology, String.join("\n",
                "name: tasks", "environment: non-production",
                "loadBalancer: { vendor: citrix, fqdn: lb.hospital.test, address: 127.0.0.30 }",
                "servers: [ { fqdn: app1.hospital.test }, { fqdn: app2.hospital.test } ]",
                "trust: { ca: ca.pem }",
                "services:",
                "  identity-server: { healthCheck: { interval: 1s, timeout: 500ms } }",
                "  web-services: { healthCheck: { interval: 1s, timeout: 500ms } }", ""));
        try (StandInServers app1 = StandInServers.start("app1.hospital.test", "127.0.0.31",
                ca.issueServer("app1.hospital.test").serverContext(), List.of(7001, 7002), List.of());
                StandInServers app2 = StandInServers.start("app2.hospital.test", "127.0.0.32",
                        ca.issueServer("app2.hospital.test").serverContext(), List.of(7001), List.of())) {
            // app2 answers identity-server but has no web-services: that farm is DEGRADED

            String out = run(() -> WatchFarmHealth.main(new String[] {topology.toString(), "4",
                "app1.hospital.test=127.0.0.31", "app2.hospital.test=127.0.0.32"}));

            assertThat(out).contains("identity-server is HEALTHY (2 up, min 1)")
                    .contains("web-services is DEGRADED (1 up, min 1)")
                    .contains("web-services app2.hospital.test:7002 UNKNOWN -> DOWN")
                    .contains("finally identity-server HEALTHY").contains("finally web-services DEGRADED");
        }
    }

    /** A reference topology with fresh throwaway-CA certificates; returns the LB key's path. */
    private Path topology(String vendor) throws Exception {
        ThrowawayCa ca = ThrowawayCa.create("Tasks CA");
        ThrowawayCa.Issued lb = ca.issueServer("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("lb.pem"), lb.chainPem());
        Files.writeString(certs.resolve("app1.pem"), ca.issueServer("app1.hospital.org").chainPem());
        Files.writeString(certs.resolve("app2.pem"), ca.issueServer("app2.hospital.org").chainPem());
        Files.writeString(certs.resolve("hospital-ca.pem"), ca.certificatePem());
        Files.copy(Path.of("topologies/reference-" + vendor + ".yaml"), dir.resolve("topology.yaml"));
        Files.writeString(dir.resolve("lb.key"), lb.privateKeyPem());
        return dir.resolve("lb.key");
    }

    @Test
    void convergeBigIpThenAuditIt(F5Simulator bigip) throws Exception {
        Path key = topology("f5");
        String out = run(() -> ConvergeBigIp.converge(bigip.url(), "admin", "admin", dir.resolve("topology.yaml"), key));

        assertThat(out).contains("[1/").contains("Applied ").contains("second plan: 0 changes");
        assertThat(bigip.transactionsCommitted()).isEqualTo(1);
        assertThat(bigip.configSaves()).isEqualTo(1);

        String audit = run(() -> AuditDevice.audit(bigip.url(), "admin", "admin"));
        assertThat(audit).endsWith("0 error(s)\n");
    }

    @Test
    void convergeCitrixAdc() throws Exception {
        Path key = topology("citrix");
        try (CitrixSimulator adc = CitrixSimulator.builder().credentials("nsroot", "pw").start()) {
            String out = run(() -> ConvergeCitrixAdc.converge(adc.url(), "nsroot", "pw", dir.resolve("topology.yaml"),
                    key, java.util.Optional.empty()));

            assertThat(out).contains("+ lbvserver").contains("Applied ").contains("second plan: 0 changes");
        }
    }

    @Test
    void auditOfAHandMadeBigIpNamesTheRule(F5Simulator bigip) throws Exception {
        bigip.create("/mgmt/tm/ltm/profile/tcp", java.util.Map.of("name", "short-idle", "partition", "Common",
                "idleTimeout", 300));
        bigip.create("/mgmt/tm/ltm/pool", java.util.Map.of("name", "pool_web", "partition", "Common"));
        bigip.create("/mgmt/tm/ltm/virtual", java.util.Map.of("name", "vs_web", "partition", "Common",
                "destination", "/Common/10.20.0.50:7002", "pool", "/Common/pool_web",
                "profiles", List.of(java.util.Map.of("name", "short-idle"))));

        String audit = run(() -> AuditDevice.audit(bigip.url(), "admin", "admin"));

        assertThat(audit).contains("F5-003");
    }

    @Test
    void mergeArrConfig() throws Exception {
        topology("iis");
        Path config = dir.resolve("applicationHost.config");
        try (var in = io.hakit.examples.demo.Demo.class.getResourceAsStream("applicationHost.config")) {
            Files.write(config, in.readAllBytes());
        }
        byte[] before = Files.readAllBytes(config);

        String out = run(() -> MergeArrConfig.main(new String[] {dir.resolve("topology.yaml").toString(), config.toString()}));

        assertThat(out).contains("lines of fragment").contains("Applied ").contains("re-plan: 0 changes");
        String merged = Files.readString(config);
        assertThat(merged).contains("PatientSecure Web Services").contains("\r\n");
        assertThat(merged).startsWith(new String(before, StandardCharsets.UTF_8).substring(0, 200));
    }

    @Test
    void sendHl7WithFailover() throws Exception {
        Hl7Handler ack = Hl7Handler.replying(AckCode.AA);
        try (MllpListener standby = MllpListener.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
                .handler(ack).build().start()) {
            MllpListener active = MllpListener.builder().bindAddress(InetAddress.getLoopbackAddress()).port(0)
                    .handler(ack).build().start();
            int activePort = active.port();
            active.close();   // the preferred server is down before the sender starts

            String out = run(() -> SendHl7WithFailover.main(new String[] {dir.resolve("outbox.jnl").toString(),
                "127.0.0.1:" + activePort, "127.0.0.1:" + standby.port()}));

            assertThat(out).contains("EX1 AA from 127.0.0.1:" + standby.port())
                    .contains("EX3 AA from 127.0.0.1:" + standby.port());
            assertThat(standby.receivedCount()).isEqualTo(3);
        }
    }
}
