package io.hakit.model.validate.internal;

import static io.hakit.model.validate.internal.GuideRules.servicePath;

import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Service;
import io.hakit.model.ServiceMode;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.ValidationContext;

/**
 * The affinity rules of the guide (AFF): which services need it, and which persistence each vendor uses.
 * Each check is linear in services × servers; the catalog of rules is {@link GuideRules#all()}.
 */
final class AffinityRules {

    private AffinityRules() {
    }

    // ---------------------------------------------------------------- AFF

    static void aff001(Deployment d, ValidationContext c, Rule.Findings out) {
        for (Service s : d.enabledServices()) {
            if (s.type().affinityRequired() && !d.affinityOf(s).enabled()) {
                out.add(servicePath(s) + ".affinity", s.name() + " has client affinity off",
                        "remove the affinity override (the guide requires "
                                + Affinity.guideDefault(d.vendor()).type() + " affinity)");
            }
        }
    }

    static void aff002(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.IIS) {
            return;
        }
        for (Service s : d.enabledServices()) {
            if (s.affinity().isEmpty() || s.type().mode() == ServiceMode.FAILOVER) {
                continue;
            }
            Affinity a = s.affinity().get();
            if (a.type() == AffinityType.NONE) {
                continue;
            }
            if (a.type() != AffinityType.SOURCE_IP) {
                out.add(servicePath(s) + ".affinity.type", s.name() + " uses " + a.type() + " persistence; "
                        + (d.vendor() == Vendor.CITRIX ? "Citrix" : "F5") + " should use source-ip",
                        "use type: source-ip");
            } else if (d.vendor() == Vendor.CITRIX && !a.timeout().equals(Affinity.DEFAULT_PERSISTENCE_TIMEOUT)) {
                out.add(servicePath(s) + ".affinity.timeout", s.name() + " persists for "
                        + a.timeout().toMinutes() + " minutes; the guide sets 10", "use timeout: 10m");
            }
        }
    }
}
