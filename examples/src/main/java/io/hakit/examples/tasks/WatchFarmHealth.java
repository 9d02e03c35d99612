package io.hakit.examples.tasks;

import io.hakit.health.HealthMonitor;
import io.hakit.health.HealthProber;
import io.hakit.health.HostResolver;
import io.hakit.health.MonitorProfile;
import io.hakit.health.MonitoredFarm;
import io.hakit.model.Deployment;
import io.hakit.model.topology.TopologyLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Task: watch every farm's health continuously, the way the load balancer's monitors do, and
 * react to events: a member going DOWN or UP, a farm becoming DEGRADED (high availability lost)
 * or UNHEALTHY.
 *
 * <pre>java -cp hakit.jar io.hakit.examples.tasks.WatchFarmHealth topology.yaml 60 app1.hospital.org=10.0.0.11</pre>
 */
public final class WatchFarmHealth {

    private WatchFarmHealth() {
    }

    /**
     * @param args the topology file, how many seconds to watch, then optional {@code HOST=ADDR} mappings
     * @throws InterruptedException when interrupted while watching
     */
    public static void main(String[] args) throws InterruptedException {
        Deployment deployment = TopologyLoader.load(Path.of(args[0]));
        Duration watch = Duration.ofSeconds(Long.parseLong(args[1]));
        List<String> resolve = Arrays.asList(args).subList(2, args.length);

        try (HealthProber prober = HealthProber.builder()
                .tls(tls -> deployment.trustCa().ifPresent(tls::trust))          // trust the hospital CA
                .resolver(HostResolver.parse(resolve).orElse(HostResolver.system()))
                .build()) {
            HealthMonitor.Builder monitor = HealthMonitor.builder().prober(prober).profile(MonitorProfile.CITRIX)
                    .onMemberStateChanged(e -> System.out.println(e.farm() + " " + e.member() + " " + e.from()
                            + " -> " + e.to() + " (" + e.cause().reason() + ")"))
                    .onFarmHealthChanged(e -> System.out.println(e.farm() + " is " + e.state() + " ("
                            + e.upMembers() + " up, min " + e.minServers() + ")"));
            deployment.farms().stream().filter(f -> f.healthTest().isPresent())
                    .forEach(f -> monitor.farm(MonitoredFarm.of(f)));
            try (HealthMonitor m = monitor.build()) {
                m.start();
                Thread.sleep(watch.toMillis());
                m.farms().forEach(f -> System.out.println("finally " + f.farm() + " " + f.state()));
            }
        }
    }
}
