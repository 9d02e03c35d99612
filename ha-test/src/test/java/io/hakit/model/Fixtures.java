package io.hakit.model;

import io.hakit.model.cert.CertificateChain;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * A valid production deployment for every vendor, with certificates from throwaway CAs made
 * at test time, and a validator on a fixed clock. Tests change one thing and look for the
 * finding.
 */
public final class Fixtures {

    /** The moment certificates are judged at. */
    public static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** A clock stopped at {@link #NOW}. */
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public static final String LB = "patientsecure.hospital.org";
    public static final String LB_HL7 = "patientsecurehl7.hospital.org";
    public static final String APP1 = "app1.hospital.org";
    public static final String APP2 = "app2.hospital.org";

    /** The hospital's CA: signs the application servers' certificates (TLS-004). */
    public static final ThrowawayCa HOSPITAL_CA = ThrowawayCa.create("Hospital Internal CA", ThrowawayCa.KeyType.EC, Duration.ofDays(3650));
    /** A "public" CA: signs the load balancer's certificate (TLS-002, TLS-003). */
    public static final ThrowawayCa PUBLIC_CA = ThrowawayCa.create("Public Root CA", ThrowawayCa.KeyType.EC, Duration.ofDays(3650));

    public static final CertificateChain LB_CERT = leaf(PUBLIC_CA, LB, LB_HL7);
    public static final CertificateChain APP1_CERT = leaf(HOSPITAL_CA, APP1);
    public static final CertificateChain APP2_CERT = leaf(HOSPITAL_CA, APP2);

    private Fixtures() {
    }

    /**
     * @param ca the issuer
     * @param names SANs; the first is also the common name
     * @return the leaf alone (its CA is the trust anchor), valid a year around {@link #NOW}
     */
    public static CertificateChain leaf(ThrowawayCa ca, String... names) {
        return leaf(ca, s -> s.commonName(names[0]).dnsNames(names));
    }

    /**
     * @param ca the issuer
     * @param spec what to put in the certificate (validity defaults to a year around {@link #NOW})
     * @return the leaf alone
     */
    public static CertificateChain leaf(ThrowawayCa ca, Consumer<ThrowawayCa.LeafSpec> spec) {
        ThrowawayCa.Issued issued = ca.issue(s -> {
            s.validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
            spec.accept(s);
        });
        return CertificateChain.of(List.of(issued.certificate()), "test leaf " + issued.certificate()
                .getSubjectX500Principal().getName());
    }

    /**
     * @param names SANs; the first is also the common name
     * @return a self-signed certificate valid a year around {@link #NOW}
     */
    public static CertificateChain selfSigned(String... names) {
        ThrowawayCa.Issued issued = ThrowawayCa.selfSigned(s -> s.commonName(names[0]).dnsNames(names)
                .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365))));
        return issued.chain();
    }

    /** @return a validator judging certificates at {@link #NOW} */
    public static Validator validator() {
        return Validator.builder().clock(CLOCK).build();
    }

    /**
     * @param d a deployment
     * @return its findings at {@link #NOW}
     */
    public static ValidationReport validate(Deployment d) {
        return validator().validate(d);
    }

    /**
     * @param d a deployment
     * @param rule a rule ID
     * @return the findings under that rule
     */
    public static List<Finding> findings(Deployment d, String rule) {
        return validate(d).byRule(rule);
    }

    /** @return the Citrix baseline */
    public static Deployment baseline() {
        return baseline(Vendor.CITRIX);
    }

    /**
     * A production deployment that follows every rule: two servers with CA-issued
     * certificates, a trust CA, a load-balancer certificate covering the LB (and HL7) names,
     * and every catalog service (FHIR on, EMPI off) with its defaults.
     *
     * @param vendor the load balancer
     * @return the baseline
     */
    public static Deployment baseline(Vendor vendor) {
        LoadBalancer.Builder lb = LoadBalancer.builder().vendor(vendor).fqdn(LB).certificate(LB_CERT);
        if (vendor != Vendor.IIS) {
            lb.address("10.20.0.50");
        }
        if (vendor == Vendor.F5) {
            lb.hl7Fqdn(LB_HL7).hl7Address("10.20.0.51");
        }
        Deployment.Builder d = Deployment.builder()
                .name("test-hospital")
                .environment(Environment.PRODUCTION)
                .loadBalancer(lb.build())
                .serverConsole(Deployment.SERVER_CONSOLE_ON_LB)
                .server(Server.of(APP1, APP1_CERT))
                .server(Server.of(APP2, APP2_CERT))
                .trustCa(HOSPITAL_CA.chain());
        for (ServiceType t : ServiceType.values()) {
            d.service(t == ServiceType.EMPI ? Service.builder(t).enabled(false).build() : Service.of(t));
        }
        return d.build();
    }

    /**
     * @param d a deployment
     * @param name a service name
     * @param change how to change it
     * @return a copy of {@code d} with that service changed
     */
    public static Deployment withService(Deployment d, String name, Consumer<Service.Builder> change) {
        List<Service> services = d.services().stream()
                .map(s -> s.name().equals(name) ? s.copy(change) : s)
                .toList();
        return d.copy(b -> b.services(services));
    }

    /**
     * @param d a deployment
     * @param name a service name
     * @return a copy without that service
     */
    public static Deployment without(Deployment d, String name) {
        return d.copy(b -> b.services(d.services().stream().filter(s -> !s.name().equals(name)).toList()));
    }

    /**
     * @param d a deployment
     * @param change how to change its load balancer
     * @return a copy with the load balancer changed
     */
    public static Deployment withLb(Deployment d, Consumer<LoadBalancer.Builder> change) {
        return d.copy(b -> b.loadBalancer(d.loadBalancer().copy(change)));
    }
}
