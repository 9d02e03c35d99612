package io.hakit.model.validate.internal;

import static io.hakit.model.Fixtures.APP1;
import static io.hakit.model.Fixtures.APP1_CERT;
import static io.hakit.model.Fixtures.APP2;
import static io.hakit.model.Fixtures.APP2_CERT;
import static io.hakit.model.Fixtures.LB;
import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.findings;
import static io.hakit.model.Fixtures.withLb;
import static io.hakit.model.Fixtures.withService;
import static io.hakit.model.Fixtures.without;
import static io.hakit.model.validate.internal.GuideRulesTest.assertFinding;
import static io.hakit.model.validate.internal.GuideRulesTest.assertNone;
import static io.hakit.model.validate.internal.GuideRulesTest.servers;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Affinity;
import io.hakit.model.Deployment;
import io.hakit.model.Server;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The vendor rules (ARR, CTX, F5) and HL7-001 of {@link VendorRules}: for each rule, a deployment that breaks it and one that satisfies it. */
class VendorRulesTest {

    // ------------------------------------------------------------------------------------------ vendors

    @Nested
    class Arr001 {
        @Test
        void twoServicesSharingAFarmNameAreAnError() {
            Deployment d = withService(baseline(Vendor.IIS), "reporting",
                    s -> s.farmName("patientsecure web services"));
            assertFinding(d, "ARR-001", Severity.ERROR, "services.reporting",
                    "reporting and web-services share the server farm name 'patientsecure web services'");
        }

        @Test
        void oneFarmPerServiceSatisfiesIt() {
            assertNone(baseline(Vendor.IIS), "ARR-001");
            assertNone(withService(baseline(Vendor.CITRIX), "reporting",
                    s -> s.farmName("PatientSecure Web Services")), "ARR-001");
        }
    }

    @Nested
    class Arr004 {
        @Test
        void anHttpsBindingWithoutACertificateIsAnError() {
            Deployment d = withLb(baseline(Vendor.IIS), lb -> lb.certificate(null));
            assertThat(findings(d, "ARR-004")).isNotEmpty().allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.path()).isEqualTo("loadBalancer.certificate");
            }).extracting(Finding::message).contains(
                    "the Default Web Site's HTTPS binding on port 7001 (identity-server) has no certificate",
                    "the Default Web Site's HTTPS binding on port 443 (admin-console) has no certificate");
        }

        @Test
        void certificatesOnEveryBindingSatisfyIt() {
            assertNone(baseline(Vendor.IIS), "ARR-004");
            assertNone(withLb(baseline(Vendor.CITRIX), lb -> lb.certificate(null)), "ARR-004");
        }
    }

    @Nested
    class Ctx001 {
        @Test
        void aServerByIpAddressIsAnError() {
            Deployment d = servers(baseline(Vendor.CITRIX), Server.of("10.20.0.11"), Server.of(APP2, APP2_CERT));
            assertFinding(d, "CTX-001", Severity.ERROR, "servers[0].fqdn", "10.20.0.11", "Citrix ADC",
                    "by IP address");
        }

        @Test
        void serversByNameOrAnotherVendorSatisfyIt() {
            assertNone(baseline(Vendor.CITRIX), "CTX-001");
            assertNone(servers(baseline(Vendor.F5), Server.of("10.20.0.11"), Server.of(APP2)), "CTX-001");
        }
    }

    @Nested
    class Ctx002 {
        @Test
        void twoServicesSharingAServiceGroupNameAreAnError() {
            Deployment d = withService(baseline(Vendor.CITRIX), "fhir", s -> s.farmName("PatientSecure EMPI Service"))
                    .copy(b -> { });
            d = withService(d, "empi", s -> s.enabled(true));
            assertFinding(d, "CTX-002", Severity.ERROR, "services.empi",
                    "empi and fhir share the service group name 'PatientSecure EMPI Service'");
        }

        @Test
        void oneServiceGroupPerServiceSatisfiesIt() {
            assertNone(baseline(Vendor.CITRIX), "CTX-002");
        }
    }

    @Nested
    class Ctx003 {
        @Test
        void noVipAddressIsAnError() {
            assertFinding(withLb(baseline(Vendor.CITRIX), lb -> lb.address(null)), "CTX-003", Severity.ERROR,
                    "loadBalancer.address", "no VIP address");
        }

        @Test
        void aVipAddressThatIsANameIsAnError() {
            assertFinding(withLb(baseline(Vendor.CITRIX), lb -> lb.address("vip.hospital.org")), "CTX-003",
                    Severity.ERROR, "loadBalancer.address", "'vip.hospital.org' is not an IP address");
        }

        @Test
        void anIpv4OrIpv6AddressSatisfiesIt() {
            assertNone(baseline(Vendor.CITRIX), "CTX-003");
            assertNone(withLb(baseline(Vendor.CITRIX), lb -> lb.address("fd00::50")), "CTX-003");
            assertNone(withLb(baseline(Vendor.IIS), lb -> lb.address(null)), "CTX-003");
        }
    }

    @Nested
    class Ctx004 {
        @Test
        void persistenceOnHl7IsAnError() {
            Deployment d = withService(baseline(Vendor.CITRIX), "hl7",
                    s -> s.affinity(Affinity.guideDefault(Vendor.CITRIX)));
            Finding f = assertFinding(d, "CTX-004", Severity.ERROR, "services.hl7.affinity",
                    "HL7 is given source-ip persistence, as if balanced");
            assertThat(f.hint()).contains("active/standby");
            assertNone(d, "HL7-001");
        }

        @Test
        void noPersistenceSatisfiesIt() {
            assertNone(baseline(Vendor.CITRIX), "CTX-004");
            assertNone(withService(baseline(Vendor.CITRIX), "hl7", s -> s.affinity(Affinity.NONE)), "CTX-004");
        }
    }

    @Nested
    class F5001 {
        @Test
        void aNodeByIpAddressIsAnError() {
            Deployment d = servers(baseline(Vendor.F5), Server.of(APP1, APP1_CERT), Server.of("10.20.0.12"));
            assertFinding(d, "F5-001", Severity.ERROR, "servers[1].fqdn", "10.20.0.12", "BIG-IP as a node");
        }

        @Test
        void nodesByFqdnSatisfyIt() {
            assertNone(baseline(Vendor.F5), "F5-001");
            assertNone(servers(baseline(Vendor.IIS), Server.of("10.20.0.11"), Server.of(APP2)), "F5-001");
        }
    }

    @Nested
    class F5002 {
        @Test
        void hl7WithoutItsOwnNameAndAddressIsAnError() {
            Deployment d = withLb(baseline(Vendor.F5), lb -> lb.hl7Fqdn(null).hl7Address(null));
            Finding name = assertFinding(d, "F5-002", Severity.ERROR, "loadBalancer.hl7Fqdn",
                    "HL7 has no name of its own apart from " + LB);
            assertThat(name.hint()).contains("patientsecurehl7.hospital.org");
            assertFinding(d, "F5-002", Severity.ERROR, "loadBalancer.hl7Address",
                    "HL7 has no virtual address of its own apart from 10.20.0.50");
        }

        @Test
        void theSameNameAndAddressAsTheHttpVipAreAnError() {
            Deployment d = withLb(baseline(Vendor.F5), lb -> lb.hl7Fqdn(LB.toUpperCase()).hl7Address("10.20.0.50"));
            assertThat(findings(d, "F5-002")).extracting(Finding::path)
                    .containsExactlyInAnyOrder("loadBalancer.hl7Fqdn", "loadBalancer.hl7Address");
        }

        @Test
        void aSeparateNameAndAddressOrNoHl7SatisfiesIt() {
            assertNone(baseline(Vendor.F5), "F5-002");
            assertNone(without(withLb(baseline(Vendor.F5), lb -> lb.hl7Fqdn(null).hl7Address(null)), "hl7"), "F5-002");
        }
    }

    @Nested
    class F5004 {
        @Test
        void noVipAddressIsAnError() {
            assertFinding(withLb(baseline(Vendor.F5), lb -> lb.address(null)), "F5-004", Severity.ERROR,
                    "loadBalancer.address", "no VIP address is given for the virtual servers");
        }

        @Test
        void aVipAddressSatisfiesIt() {
            assertNone(baseline(Vendor.F5), "F5-004");
            assertNone(withLb(baseline(Vendor.CITRIX), lb -> lb.address(null)), "F5-004");
        }
    }

    @Nested
    class Hl7001 {
        @Test
        void persistenceOnHl7IsAnError() {
            Deployment d = withService(baseline(Vendor.F5), "hl7",
                    s -> s.affinity(Affinity.guideDefault(Vendor.F5)));
            assertFinding(d, "HL7-001", Severity.ERROR, "services.hl7.affinity",
                    "HL7 is given persistence as if it were balanced");
        }

        @Test
        void iisIsToldThatSendersFailOverThemselves() {
            Finding f = assertFinding(baseline(Vendor.IIS), "HL7-001", Severity.INFO, "services.hl7",
                    "ARR proxies HTTP only", APP1 + ", " + APP2);
            assertThat(f.hint()).contains("FailoverMllpSender");
        }

        @Test
        void activeStandbyHl7SatisfiesIt() {
            assertNone(baseline(Vendor.F5), "HL7-001");
            assertNone(baseline(Vendor.CITRIX), "HL7-001");
            assertNone(without(baseline(Vendor.IIS), "hl7"), "HL7-001");
        }
    }
}
