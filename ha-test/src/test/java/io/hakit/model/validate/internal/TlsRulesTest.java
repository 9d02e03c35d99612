package io.hakit.model.validate.internal;

import static io.hakit.model.Fixtures.APP1;
import static io.hakit.model.Fixtures.APP1_CERT;
import static io.hakit.model.Fixtures.APP2;
import static io.hakit.model.Fixtures.APP2_CERT;
import static io.hakit.model.Fixtures.HOSPITAL_CA;
import static io.hakit.model.Fixtures.LB;
import static io.hakit.model.Fixtures.LB_HL7;
import static io.hakit.model.Fixtures.NOW;
import static io.hakit.model.Fixtures.PUBLIC_CA;
import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.findings;
import static io.hakit.model.Fixtures.leaf;
import static io.hakit.model.Fixtures.selfSigned;
import static io.hakit.model.Fixtures.withLb;
import static io.hakit.model.Fixtures.withService;
import static io.hakit.model.validate.internal.GuideRulesTest.assertFinding;
import static io.hakit.model.validate.internal.GuideRulesTest.assertNone;
import static io.hakit.model.validate.internal.GuideRulesTest.servers;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.Server;
import io.hakit.model.Vendor;
import io.hakit.model.cert.CertificateChain;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The certificate rules (TLS) of {@link TlsRules}: for each rule, a deployment that breaks it and one that satisfies it. */
class TlsRulesTest {

    // ------------------------------------------------------------------------------------------ TLS

    @Nested
    class Tls001 {
        @Test
        void noCertificateToBindIsAnError() {
            Deployment d = withLb(baseline(), lb -> lb.certificate(null));
            List<Finding> all = findings(d, "TLS-001");
            assertThat(all).isNotEmpty().allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.path()).isEqualTo("loadBalancer.certificate");
            });
            assertThat(all).extracting(Finding::message)
                    .contains("HTTPS port 7002 of web-services has no certificate to bind",
                            "HTTPS port 443 of admin-console has no certificate to bind")
                    .noneMatch(m -> m.contains("port 80 ") || m.contains("port 2244"));
        }

        @Test
        void aServiceCertificateForAnotherNameIsAnError() {
            Deployment d = withService(baseline(), "fhir",
                    s -> s.certificate(leaf(PUBLIC_CA, "fhir.other.org")));
            assertFinding(d, "TLS-001", Severity.ERROR, "services.fhir.certificate", "fhir.other.org",
                    "does not cover " + LB);
        }

        @Test
        void aCertificateForTheNameSatisfiesIt() {
            assertNone(baseline(), "TLS-001");
            assertNone(withService(baseline(), "fhir", s -> s.certificate(leaf(PUBLIC_CA, "*.hospital.org"))),
                    "TLS-001");
            // IIS reports a missing certificate under ARR-004 instead
            assertNone(withLb(baseline(Vendor.IIS), lb -> lb.certificate(null)), "TLS-001");
        }
    }

    @Nested
    class Tls002 {
        @Test
        void noSanIsAnError() {
            CertificateChain noSan = leaf(PUBLIC_CA, s -> s.commonName(LB));
            Deployment d = withLb(baseline(), lb -> lb.certificate(noSan));
            assertFinding(d, "TLS-002", Severity.ERROR, "loadBalancer.certificate", "no Subject Alternative Name");
        }

        @Test
        void sansMissingTheHl7NameAreAnError() {
            Deployment d = withLb(baseline(Vendor.F5), lb -> lb.certificate(leaf(PUBLIC_CA, LB)));
            assertFinding(d, "TLS-002", Severity.ERROR, "loadBalancer.certificate", "[" + LB + "]",
                    "does not cover " + LB_HL7);
        }

        @Test
        void sansMissingTheLoadBalancerNameAreAnError() {
            Deployment d = withLb(baseline(), lb -> lb.certificate(leaf(PUBLIC_CA, "www.hospital.org")));
            assertFinding(d, "TLS-002", Severity.ERROR, "loadBalancer.certificate", "does not cover " + LB);
        }

        @Test
        void coveringSansSatisfyIt() {
            assertNone(baseline(Vendor.F5), "TLS-002");
            assertNone(withLb(baseline(Vendor.F5), lb -> lb.certificate(leaf(PUBLIC_CA, "*.hospital.org"))),
                    "TLS-002");
            // a self-signed certificate in non-production is TLS-003's business only
            Deployment test = withLb(baseline(), lb -> lb.certificate(selfSigned("localhost")))
                    .copy(b -> b.environment(Environment.NON_PRODUCTION));
            assertNone(test, "TLS-002");
        }
    }

    @Nested
    class Tls003 {
        @Test
        void selfSignedInProductionIsAnError() {
            Deployment d = withLb(baseline(), lb -> lb.certificate(selfSigned(LB)));
            Finding f = assertFinding(d, "TLS-003", Severity.ERROR, "loadBalancer.certificate", "CN=" + LB,
                    "is self-signed");
            assertThat(f.hint()).contains("certificate authority");
        }

        @Test
        void selfSignedInNonProductionIsAWarning() {
            Deployment d = withLb(baseline(), lb -> lb.certificate(selfSigned(LB)))
                    .copy(b -> b.environment(Environment.NON_PRODUCTION));
            assertFinding(d, "TLS-003", Severity.WARNING, "loadBalancer.certificate", "is self-signed");
        }

        @Test
        void aSelfSignedServerCertificateIsReportedAtTheServer() {
            Deployment d = servers(baseline(), Server.of(APP1, selfSigned(APP1)), Server.of(APP2, APP2_CERT));
            assertFinding(d, "TLS-003", Severity.ERROR, "servers[0].certificate", "is self-signed");
        }

        @Test
        void caIssuedCertificatesSatisfyIt() {
            assertNone(baseline(), "TLS-003");
        }
    }

    @Nested
    class Tls004 {
        @Test
        void aServerCertificateFromAnotherCaIsAnError() {
            Deployment d = servers(baseline(), Server.of(APP1, APP1_CERT),
                    Server.of(APP2, leaf(PUBLIC_CA, APP2)));
            assertFinding(d, "TLS-004", Severity.ERROR, "servers[1].certificate", APP2,
                    "does not chain to the trusted CA");
            assertThat(findings(d, "TLS-004")).hasSize(1);
        }

        @Test
        void noTrustCaIsAnError() {
            Deployment d = baseline().copy(b -> b.trustCa(null));
            assertFinding(d, "TLS-004", Severity.ERROR, "trust.ca", "no trust CA is given");
        }

        @Test
        void serverCertificatesFromTheTrustedCaSatisfyIt() {
            assertNone(baseline(), "TLS-004");
            // nothing to check without server certificates
            assertNone(servers(baseline(), Server.of(APP1), Server.of(APP2)).copy(b -> b.trustCa(null)), "TLS-004");
        }
    }

    @Nested
    class Tls005 {
        @Test
        void fhirOnAServerWithoutACertificateIsAnError() {
            Deployment d = servers(baseline(), Server.of(APP1), Server.of(APP2, APP2_CERT));
            assertFinding(d, "TLS-005", Severity.ERROR, "servers[0].certificate",
                    "fhir needs a third-party certificate on " + APP1, "none is given");
            assertThat(findings(d, "TLS-005")).hasSize(1);
        }

        @Test
        void empiOnASelfSignedServerIsAnError() {
            Deployment d = servers(withService(baseline(), "empi", s -> s.enabled(true)),
                    Server.of(APP1, APP1_CERT), Server.of(APP2, selfSigned(APP2)));
            assertThat(findings(d, "TLS-005")).extracting(Finding::path, Finding::message)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("servers[1].certificate",
                                    "fhir needs a third-party certificate on " + APP2
                                            + ", but its certificate is self-signed"),
                            org.assertj.core.groups.Tuple.tuple("servers[1].certificate",
                                    "empi needs a third-party certificate on " + APP2
                                            + ", but its certificate is self-signed"));
        }

        @Test
        void caIssuedServerCertificatesOrNoFhirSatisfyIt() {
            assertNone(baseline(), "TLS-005");
            Deployment noFhir = servers(withService(baseline(), "fhir", s -> s.enabled(false)),
                    Server.of(APP1), Server.of(APP2));
            assertNone(noFhir, "TLS-005");
        }
    }

    @Nested
    class Tls006 {
        private Deployment withLbCert(CertificateChain c) {
            return withLb(baseline(), lb -> lb.certificate(c));
        }

        private CertificateChain valid(Duration before, Duration after) {
            return leaf(PUBLIC_CA, s -> s.commonName(LB).dnsNames(LB, LB_HL7)
                    .validity(NOW.plus(before), NOW.plus(after)));
        }

        @Test
        void anExpiredCertificateIsAnError() {
            Deployment d = withLbCert(valid(Duration.ofDays(-30), Duration.ofDays(-1)));
            Finding f = assertFinding(d, "TLS-006", Severity.ERROR, "loadBalancer.certificate", "CN=" + LB,
                    "has expired");
            assertThat(f.hint()).isEqualTo("renew it");
        }

        @Test
        void aNotYetValidCertificateIsAnError() {
            Deployment d = withLbCert(valid(Duration.ofDays(1), Duration.ofDays(300)));
            assertFinding(d, "TLS-006", Severity.ERROR, "loadBalancer.certificate", "is not valid until "
                    + NOW.plus(Duration.ofDays(1)));
        }

        @Test
        void expiringWithinThirtyDaysIsAWarning() {
            Deployment d = withLbCert(valid(Duration.ofDays(-300), Duration.ofDays(29)));
            Finding f = assertFinding(d, "TLS-006", Severity.WARNING, "loadBalancer.certificate",
                    "expires within 30 days");
            assertThat(f.hint()).contains(NOW.plus(Duration.ofDays(29)).toString());
        }

        @Test
        void anExpiringCaInAChainOrTheTrustIsReported() {
            ThrowawayCa shortLived = ThrowawayCa.create("short-lived CA");
            ThrowawayCa.Issued issued = shortLived.issue(s -> s.commonName(APP1).dnsNames(APP1)
                    .validity(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(300))));
            Deployment d = servers(baseline(), Server.of(APP1, issued.chain()), Server.of(APP2, APP2_CERT))
                    .copy(b -> b.trustCa(shortLived.chain()));
            assertFinding(d, "TLS-006", Severity.WARNING, "servers[0].certificate", "chain certificate 2",
                    "short-lived CA", "expires within 30 days");
            assertFinding(d, "TLS-006", Severity.WARNING, "trust.ca", "short-lived CA");
        }

        @Test
        void validForMoreThanThirtyDaysSatisfiesIt() {
            assertNone(baseline(), "TLS-006");
            assertNone(withLbCert(valid(Duration.ofDays(-1), Duration.ofDays(31))), "TLS-006");
        }
    }

    @Nested
    class Tls007 {
        @Test
        void aCertificateWithoutServerAuthIsAWarning() {
            CertificateChain codeSigning = leaf(PUBLIC_CA, s -> s.commonName(LB).dnsNames(LB, LB_HL7)
                    .serverAuth(false));
            Deployment d = withLb(baseline(), lb -> lb.certificate(codeSigning));
            Finding f = assertFinding(d, "TLS-007", Severity.WARNING, "loadBalancer.certificate",
                    "does not allow TLS server authentication");
            assertThat(f.hint()).contains("serverAuth");
        }

        @Test
        void aClientOnlyServerCertificateIsAWarning() {
            CertificateChain client = leaf(HOSPITAL_CA, s -> s.commonName(APP2).dnsNames(APP2)
                    .serverAuth(false).clientAuth(true));
            Deployment d = servers(baseline(), Server.of(APP1, APP1_CERT), Server.of(APP2, client));
            assertFinding(d, "TLS-007", Severity.WARNING, "servers[1].certificate", "CN=" + APP2);
        }

        @Test
        void serverAuthSatisfiesIt() {
            assertNone(baseline(), "TLS-007");
            CertificateChain noKeyUsage = leaf(PUBLIC_CA, s -> s.commonName(LB).dnsNames(LB, LB_HL7)
                    .keyUsage(false).clientAuth(true));
            assertNone(withLb(baseline(), lb -> lb.certificate(noKeyUsage)), "TLS-007");
        }
    }
}
