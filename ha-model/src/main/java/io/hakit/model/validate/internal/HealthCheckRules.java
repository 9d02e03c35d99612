package io.hakit.model.validate.internal;

import static io.hakit.model.validate.internal.GuideRules.servicePath;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.HealthTest;
import io.hakit.model.Service;
import io.hakit.model.ServiceMode;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.topology.Durations;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.ValidationContext;
import java.time.Duration;
import java.util.Optional;

/**
 * The health-check rules of the guide (HC): every balanced farm has a health test like the guide's,
 * with a sensible interval and time-out.
 * Each check is linear in services × servers; the catalog of rules is {@link GuideRules#all()}.
 */
final class HealthCheckRules {

    /** The shortest interval that does not risk false failures on slow servers (HC-003). */
    static final Duration SHORT_INTERVAL = Duration.ofSeconds(5);
    /** The shortest time-out that does not risk false failures on slow servers (HC-003). */
    static final Duration SHORT_TIMEOUT = Duration.ofSeconds(2);

    private HealthCheckRules() {
    }

    // ---------------------------------------------------------------- HC

    static void hc001(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Farm f : d.farms()) {
            if (f.mode() != ServiceMode.BALANCED) {
                continue;
            }
            Service s = d.service(f.service()).orElseThrow();
            if (f.healthTest().isEmpty()) {
                out.add(servicePath(s) + ".healthCheck", f.name() + " has no health test",
                        "add a health check (the catalog's is used by default)");
            } else if (f.healthTest().get().minServers() != 1) {
                out.add(servicePath(s) + ".healthCheck.minServers", f.name() + " has minimum servers "
                        + f.healthTest().get().minServers() + "; the guide sets 1", "set minServers: 1");
            }
        }
    }

    static void hc002(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            Optional<HealthTest> guide = s.type().healthTest();
            Optional<HealthTest> actual = s.healthTest();
            if (guide.isEmpty() || actual.isEmpty()) {
                continue;
            }
            HealthTest g = guide.get();
            HealthTest a = actual.get();
            String path = servicePath(s) + ".healthCheck";
            if (!a.path().equals(g.path())) {
                out.add(path + ".path", s.name() + " probes " + a.path() + "; the guide probes " + g.path(),
                        "use path " + g.path());
            }
            if (!a.statusCodes().equals(g.statusCodes())) {
                out.add(path + ".statusCodes", s.name() + " accepts " + a.statusCodes() + "; the guide accepts "
                        + g.statusCodes(), "use statusCodes " + g.statusCodes());
            }
            if (!a.responseMatch().equals(g.responseMatch())) {
                out.add(path + ".responseMatch", s.name() + " expects "
                                + a.responseMatch().map(m -> "'" + m + "'").orElse("no response match")
                                + "; the guide expects "
                                + g.responseMatch().map(m -> "'" + m + "'").orElse("none"),
                        g.responseMatch().map(m -> "use responseMatch " + m).orElse("remove responseMatch"));
            }
        }
    }

    static void hc003(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.healthTest().isEmpty()) {
                continue;
            }
            HealthTest t = s.healthTest().get();
            String path = servicePath(s) + ".healthCheck";
            if (t.timeout().compareTo(t.interval()) >= 0) {
                out.add(path + ".timeout", s.name() + " health test time-out " + Durations.format(t.timeout())
                        + " is not shorter than its interval " + Durations.format(t.interval()),
                        "make the time-out shorter than the interval (Citrix rejects it otherwise)");
            }
            if (t.interval().compareTo(SHORT_INTERVAL) < 0) {
                out.add(path + ".interval", s.name() + " health test interval " + Durations.format(t.interval())
                        + " is very short", "use at least 5s to avoid false failures on slow servers");
            }
            if (t.timeout().compareTo(SHORT_TIMEOUT) < 0) {
                out.add(path + ".timeout", s.name() + " health test time-out " + Durations.format(t.timeout())
                        + " is very short", "use at least 2s to avoid false failures on slow servers");
            }
        }
    }

    static void hc005(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX && d.service(ServiceType.USER_INTERFACE).isPresent()) {
            out.add("services.user-interface", "a monitor is bound to every service group, the User Interface's "
                    + "included (Citrix best practice)", "");
        }
    }
}
