package io.hakit.model.validate.internal;

import static io.hakit.model.validate.internal.GuideRules.isIpAddress;
import static io.hakit.model.validate.internal.GuideRules.servicePath;

import io.hakit.model.Deployment;
import io.hakit.model.Farm;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.Vip;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import io.hakit.model.validate.ValidationContext;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The vendor rules of the guide (ARR, CTX, F5) and HL7-001: what each load balancer must be given.
 * Each check is linear in services × servers; the catalog of rules is {@link GuideRules#all()}.
 */
final class VendorRules {

    private VendorRules() {
    }

    // ---------------------------------------------------------------- vendors

    private static void uniqueFarms(Deployment d, Rule.Findings out, String what) {
        Map<String, String> names = new HashMap<>();
        for (Farm f : d.farms()) {
            String other = names.putIfAbsent(f.name().toLowerCase(Locale.ROOT), f.service());
            if (other != null) {
                out.add(servicePath(d.service(f.service()).orElseThrow()), f.service() + " and " + other
                        + " share the " + what + " name '" + f.name() + "'", "give each service its own " + what);
            }
        }
    }

    static void arr001(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.IIS) {
            uniqueFarms(d, out, "server farm");
        }
    }

    static void arr004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() != Vendor.IIS) {
            return;
        }
        for (Vip v : d.vips()) {
            if (v.tls() && v.certificate().isEmpty()) {
                out.add("loadBalancer.certificate", "the Default Web Site's HTTPS binding on port " + v.port()
                        + " (" + v.service() + ") has no certificate", "set loadBalancer.certificate");
            }
        }
    }

    private static void byFqdn(Deployment d, Rule.Findings out, String what) {
        for (int i = 0; i < d.servers().size(); i++) {
            String fqdn = d.servers().get(i).fqdn();
            if (isIpAddress(fqdn)) {
                out.add("servers[" + i + "].fqdn", "server " + fqdn + " would be added to the " + what
                        + " by IP address", "name it by FQDN");
            }
        }
    }

    private static void vipAddress(Deployment d, Rule.Findings out) {
        Optional<String> address = d.loadBalancer().address();
        if (address.isEmpty()) {
            out.add("loadBalancer.address", "no VIP address is given for the virtual servers",
                    "set loadBalancer.address");
        } else if (!isIpAddress(address.get())) {
            out.add("loadBalancer.address", "VIP address '" + address.get() + "' is not an IP address",
                    "set loadBalancer.address to the virtual server's IP address");
        }
    }

    static void ctx001(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX) {
            byFqdn(d, out, "Citrix ADC");
        }
    }

    static void ctx002(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX) {
            uniqueFarms(d, out, "service group");
        }
    }

    static void ctx003(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.CITRIX && !d.enabledServices().isEmpty()) {
            vipAddress(d, out);
        }
    }

    static void ctx004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() != Vendor.CITRIX) {
            return;
        }
        d.service(ServiceType.HL7).ifPresent(s -> {
            if (s.affinity().isPresent() && s.affinity().get().enabled()) {
                out.add(servicePath(s) + ".affinity", "HL7 is given " + s.affinity().get().type()
                        + " persistence, as if balanced", "remove it: HL7 is published active/standby");
            }
        });
    }

    static void f5001(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.F5) {
            byFqdn(d, out, "BIG-IP as a node");
        }
    }

    static void f5002(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() != Vendor.F5 || d.service(ServiceType.HL7).isEmpty()) {
            return;
        }
        var lb = d.loadBalancer();
        if (lb.hl7Fqdn().isEmpty() || lb.hl7Fqdn().get().equalsIgnoreCase(lb.fqdn())) {
            out.add("loadBalancer.hl7Fqdn", "HL7 has no name of its own apart from " + lb.fqdn(),
                    "set loadBalancer.hl7Fqdn, e.g. patientsecurehl7." + domainOf(lb.fqdn()));
        }
        if (lb.hl7Address().isEmpty() || lb.hl7Address().equals(lb.address())) {
            out.add("loadBalancer.hl7Address", "HL7 has no virtual address of its own apart from "
                    + lb.address().orElse("the VIP"), "set loadBalancer.hl7Address");
        }
    }

    private static String domainOf(String fqdn) {
        int dot = fqdn.indexOf('.');
        return dot < 0 ? fqdn : fqdn.substring(dot + 1);
    }

    static void f5004(Deployment d, ValidationContext c, Rule.Findings out) {
        if (d.vendor() == Vendor.F5 && !d.enabledServices().isEmpty()) {
            vipAddress(d, out);
        }
    }

    static void hl7001(Deployment d, ValidationContext c, Rule.Findings out) {
        d.service(ServiceType.HL7).ifPresent(s -> {
            if (d.vendor() == Vendor.IIS) {
                out.add(Severity.INFO, servicePath(s), "ARR proxies HTTP only, so HL7 is not published on the load "
                                + "balancer; senders must fail over between " + String.join(", ", d.serversOf(s))
                                + " themselves",
                        "use io.hakit.hl7.FailoverMllpSender (HL7-002) with every HL7 server as an endpoint");
            }
            if (s.affinity().isPresent() && s.affinity().get().enabled() && d.vendor() != Vendor.CITRIX) {
                out.add(servicePath(s) + ".affinity", "HL7 is given persistence as if it were balanced",
                        "remove it: HL7 is active on one server at a time");
            }
        });
    }
}
