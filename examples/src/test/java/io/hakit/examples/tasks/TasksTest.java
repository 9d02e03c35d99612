package io.hakit.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.examples.demo.StandInServers;
import io.hakit.hl7.AckCode;
import io.hakit.hl7.Hl7Handler;
import io.hakit.hl7.MllpListener;
import io.hakit.model.cert.ThrowawayCa;
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
