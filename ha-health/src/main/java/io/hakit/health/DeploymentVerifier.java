package io.hakit.health;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.HealthTest;
import io.hakit.model.Member;
import io.hakit.model.ServiceType;
import io.hakit.model.Vip;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Automates the guide's troubleshooting flow: check every application server directly,
 * then the same through the load balancer, and say which layer is at fault, naming the
 * farm and the member.
 *
 * <p>Each member gets the farm's health test (what the load balancer runs) and, when the
 * catalog names one, the product's own direct check (the Identity Server page must show
 * {@code IdentityServer4}; Web Services at {@code /psws/api} must answer {@code Success}).
 * Through the load balancer the same checks go to the load balancer's name on every
 * published port. All probes of a verification run concurrently.
 *
 * <p>Thread-safe; uses, but does not close, the prober it is given.
 */
public final class DeploymentVerifier {

    /** What to check. */
    public enum Mode {
        /** Only the application servers, directly. */
        DIRECT,
        /** Only through the load balancer's name. */
        VIA_LB,
        /** Both, and compare: the troubleshooting flow. */
        BOTH
    }

    private final HealthProber prober;

    private DeploymentVerifier(HealthProber prober) {
        this.prober = prober;
    }

    /**
     * @param prober the prober to use (its TLS settings and resolver apply)
     * @return a verifier
     */
    public static DeploymentVerifier create(HealthProber prober) {
        return new DeploymentVerifier(Objects.requireNonNull(prober, "prober"));
    }

    /**
     * The checks a member of a farm gets: the farm's health test, then the catalog's direct
     * check when it names one and differs from the health test.
     *
     * @param farm the farm
     * @return the tests, at least one; empty when the farm has no HTTP health test (HL7)
     */
    public static List<HealthTest> checks(Farm farm) {
        Objects.requireNonNull(farm, "farm");
        if (farm.healthTest().isEmpty()) {
            return List.of();
        }
        HealthTest test = farm.healthTest().get();
        List<HealthTest> checks = new ArrayList<>(List.of(test));
        ServiceType type = farm.type();
        if (type.directMarker().isPresent() && type.directPath().isPresent()) {
            HealthTest direct = test.copy(b -> b.path(type.directPath().get()).responseMatch(type.directMarker().get()));
            if (!direct.equals(test)) {
                checks.add(direct);
            }
        }
        return List.copyOf(checks);
    }

    /**
     * Verifies every farm with an HTTP health test. Never throws for an unhealthy or
     * unreachable deployment: that is in the report.
     *
     * @param deployment the deployment
     * @param mode what to check
     * @return the report
     * @throws NullPointerException when an argument is null
     */
    public VerifyReport verify(Deployment deployment, Mode mode) {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(mode, "mode");
        Map<Farm, List<CompletableFuture<MemberCheck>>> direct = new LinkedHashMap<>();
        Map<Farm, List<CompletableFuture<MemberCheck>>> viaLb = new LinkedHashMap<>();
        for (Farm farm : deployment.farms()) {
            List<HealthTest> checks = checks(farm);
            if (checks.isEmpty()) {
                continue;
            }
            List<CompletableFuture<MemberCheck>> d = new ArrayList<>();
            if (mode != Mode.VIA_LB) {
                for (Member m : farm.members()) {
                    d.add(check(ProbeTarget.of(m), checks));
                }
            }
            direct.put(farm, d);
            List<CompletableFuture<MemberCheck>> l = new ArrayList<>();
            if (mode != Mode.DIRECT) {
                for (Vip vip : deployment.vips()) {
                    if (vip.service().equals(farm.service())) {
                        l.add(check(new ProbeTarget(vip.fqdn(), vip.port(), vip.tls()), checks));
                    }
                }
            }
            viaLb.put(farm, l);
        }
        List<FarmVerdict> verdicts = new ArrayList<>();
        for (Farm farm : direct.keySet()) {
            List<MemberCheck> members = direct.get(farm).stream().map(CompletableFuture::join).toList();
            List<MemberCheck> lb = viaLb.get(farm).stream().map(CompletableFuture::join).toList();
            verdicts.add(judge(farm, mode, members, lb));
        }
        return new VerifyReport(verdicts);
    }

    private CompletableFuture<MemberCheck> check(ProbeTarget target, List<HealthTest> checks) {
        List<CompletableFuture<ProbeResult>> futures = checks.stream().map(t -> prober.probe(target, t)).toList();
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
                .thenApply(v -> new MemberCheck(target, futures.stream().map(CompletableFuture::join).toList()));
    }

    static FarmVerdict judge(Farm farm, Mode mode, List<MemberCheck> members, List<MemberCheck> lb) {
        int minServers = farm.healthTest().map(HealthTest::minServers).orElse(HealthTest.DEFAULT_MIN_SERVERS);
        // a server is up when every one of its ports passes
        Map<String, Boolean> servers = new LinkedHashMap<>();
        for (MemberCheck m : members) {
            servers.merge(m.target().host(), m.up(), Boolean::logicalAnd);
        }
        long up = servers.values().stream().filter(b -> b).count();
        List<MemberCheck> down = members.stream().filter(m -> !m.up()).toList();
        List<MemberCheck> lbDown = lb.stream().filter(m -> !m.up()).toList();
        boolean directRan = mode != Mode.VIA_LB;
        boolean lbRan = mode != Mode.DIRECT;
        boolean directHealthy = up >= minServers;
        boolean lbOk = lbDown.isEmpty();
        boolean healthy = (!directRan || directHealthy) && (!lbRan || lbOk);
        String name = "farm '" + farm.name() + "' (" + farm.service() + ")";
        Fault fault;
        String diagnosis;
        if (lbRan && !lbOk && directRan && directHealthy) {
            fault = Fault.LOAD_BALANCER;
            diagnosis = "the servers pass directly (" + up + " of " + servers.size() + " up) but the check through the "
                    + "load balancer fails: the load-balancer configuration of " + name + " is at fault: "
                    + describe(lbDown) + (down.isEmpty() ? "" : "; also down directly: " + describe(down));
        } else if (directRan && !down.isEmpty()) {
            fault = Fault.APPLICATION_SERVER;
            diagnosis = (directHealthy ? name + " is serving (" + up + " of " + servers.size() + " servers up, min "
                    + minServers + ") but "
                    : name + " has " + up + " of min " + minServers + " servers up: ")
                    + "application server" + (down.size() > 1 ? "s fail" : " fails") + " directly: " + describe(down)
                    + (lbRan && !lbOk ? "; the load-balancer check fails as a consequence: " + describe(lbDown) : "");
        } else if (lbRan && !lbOk) {
            fault = Fault.UNDETERMINED;
            diagnosis = "the check through the load balancer fails for " + name + ": " + describe(lbDown)
                    + "; check the servers directly to find the layer at fault";
        } else {
            fault = Fault.NONE;
            diagnosis = name + " passes" + (directRan ? " directly on " + up + " of " + servers.size() + " servers" : "")
                    + (directRan && lbRan ? " and" : "") + (lbRan ? " through the load balancer" : "");
        }
        FarmState state = !healthy ? FarmState.UNHEALTHY
                : directRan && up < servers.size() ? FarmState.DEGRADED : FarmState.HEALTHY;
        if (state == FarmState.DEGRADED) {
            diagnosis = "DEGRADED, high availability lost: " + diagnosis;
        }
        return new FarmVerdict(farm.service(), farm.name(), minServers, members, lb, healthy, fault, diagnosis, state);
    }

    private static String describe(List<MemberCheck> failing) {
        return failing.stream().map(m -> {
            ProbeResult r = m.decisive();
            return m.target() + " " + r.outcome() + " (" + r.reason() + ")";
        }).collect(Collectors.joining(", "));
    }
}
