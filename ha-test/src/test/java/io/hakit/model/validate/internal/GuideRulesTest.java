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
import static io.hakit.model.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.HealthTest;
import io.hakit.model.Server;
import io.hakit.model.ServiceType;
import io.hakit.model.StatusCodes;
import io.hakit.model.Vendor;
import io.hakit.model.cert.CertificateChain;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Rule;
import io.hakit.model.validate.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every rule of {@link GuideRules#all()}: a deployment that breaks it, and one that satisfies it. */
class GuideRulesTest {

    /**
     * Asserts that exactly one finding under {@code rule} is at {@code path}, with {@code severity},
     * and that its message holds every one of {@code words}.
     */
    static Finding assertFinding(Deployment d, String rule, Severity severity, String path, String... words) {
        List<Finding> all = findings(d, rule);
        List<Finding> here = all.stream().filter(f -> f.path().equals(path)).toList();
        assertThat(here).as("%s findings at %s among %s", rule, path, all).hasSize(1);
        Finding f = here.get(0);
        assertThat(f.rule()).isEqualTo(rule);
        assertThat(f.severity()).as("severity of %s", f).isEqualTo(severity);
        assertThat(f.message()).contains(words);
        return f;
    }

    static void assertNone(Deployment d, String rule) {
        assertThat(findings(d, rule)).as("%s findings", rule).isEmpty();
    }

    static Deployment servers(Deployment d, Server... servers) {
        return d.copy(b -> b.servers(List.of(servers)));
    }

    @Test
    void theCatalogOfRulesIsEveryModelJudgeableRuleOfTheGuideInOrder() {
        assertThat(GuideRules.all()).extracting(Rule::id).containsExactly(
                "TOP-001", "TOP-002", "TOP-003", "TOP-004",
                "SVC-001", "SVC-002", "SVC-003", "SVC-004", "SVC-005", "SVC-006", "SVC-007", "SVC-008",
                "URL-001", "URL-002", "URL-003",
                "TLS-001", "TLS-002", "TLS-003", "TLS-004", "TLS-005", "TLS-006", "TLS-007",
                "HC-001", "HC-002", "HC-003", "HC-005",
                "AFF-001", "AFF-002",
                "ARR-001", "ARR-004",
                "CTX-001", "CTX-002", "CTX-003", "CTX-004",
                "F5-001", "F5-002", "F5-004",
                "HL7-001");
        assertThat(GuideRules.all()).allSatisfy(r -> assertThat(r.summary()).endsWith("."));
    }

    @Test
    void theRuleCatalogDocumentsEveryRuleTheValidatorChecks() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/rules.md"));
        for (Rule r : GuideRules.all()) {
            assertThat(doc).as(r.id()).contains("### " + r.id() + "\n").contains("  " + r.id() + " ");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void theBaselineBreaksNoRuleAtAll(Vendor vendor) {
        assertThat(io.hakit.model.Fixtures.validate(baseline(vendor)).findings())
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    }

    // ------------------------------------------------------------------------------------------ TOP

    @Nested
    class Top001 {
        @Test
        void oneServerIsAnErrorInProduction() {
            Deployment d = servers(baseline(), Server.of(APP1, APP1_CERT));
            assertThat(findings(d, "TOP-001")).filteredOn(f -> f.message().startsWith("web-services "))
                    .singleElement().satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(Severity.ERROR);
                        assertThat(f.path()).isEqualTo("servers");
                        assertThat(f.message()).contains("one application server (" + APP1 + ")",
                                "not highly available");
                        assertThat(f.hint()).contains("second application server");
                    });
        }

        @Test
        void everyServiceIsReported() {
            Deployment d = servers(baseline(), Server.of(APP1, APP1_CERT));
            List<Finding> all = findings(d, "TOP-001");
            // the path is the same ("servers") for every service: one per enabled service
            assertThat(all).hasSize((int) d.enabledServices().size());
        }

        @Test
        void oneServerIsAWarningInNonProduction() {
            Deployment d = servers(baseline(), Server.of(APP1, APP1_CERT))
                    .copy(b -> b.environment(Environment.NON_PRODUCTION));
            assertThat(findings(d, "TOP-001")).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        }

        @Test
        void aServiceOnOneServerNamesItsOwnServersList() {
            Deployment d = withService(baseline(), "hl7", s -> s.servers(List.of(APP2)));
            assertFinding(d, "TOP-001", Severity.ERROR, "services.hl7.servers", "hl7", APP2);
        }

        @Test
        void noServerIsAnError() {
            Deployment d = servers(baseline());
            assertThat(findings(d, "TOP-001")).isNotEmpty().allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.message()).contains("has no application server");
            });
        }

        @Test
        void aServerListedTwiceInAServiceIsStillOneServer() {
            Deployment d = withService(baseline(), "web-services", s -> s.servers(List.of(APP1, APP1.toUpperCase())));
            assertFinding(d, "TOP-001", Severity.ERROR, "services.web-services.servers", "one application server");
        }

        @Test
        void twoServersSatisfyIt() {
            assertNone(baseline(), "TOP-001");
            assertNone(withService(baseline(), "hl7", s -> s.servers(List.of(APP1, APP2))), "TOP-001");
        }
    }

    @Nested
    class Top002 {
        @Test
        void aBareHostNameIsAnError() {
            Deployment d = servers(baseline(), Server.of("app1"), Server.of(APP2));
            assertFinding(d, "TOP-002", Severity.ERROR, "servers[0].fqdn", "'app1'",
                    "not a fully qualified domain name");
        }

        @Test
        void aMalformedNameIsAnError() {
            Deployment d = servers(baseline(), Server.of(APP1), Server.of("app_2.hospital.org"));
            assertFinding(d, "TOP-002", Severity.ERROR, "servers[1].fqdn", "app_2.hospital.org");
            assertFinding(servers(baseline(), Server.of(APP1), Server.of("-app2.hospital.org")), "TOP-002",
                    Severity.ERROR, "servers[1].fqdn", "not a fully qualified domain name");
        }

        @Test
        void aDuplicateIsAnErrorWhateverItsCase() {
            Deployment d = servers(baseline(), Server.of(APP1), Server.of(APP1.toUpperCase()));
            assertFinding(d, "TOP-002", Severity.ERROR, "servers[1].fqdn", "listed twice");
        }

        @Test
        void anIpAddressIsAWarning() {
            Deployment d = servers(baseline(), Server.of("10.20.0.11"), Server.of(APP2));
            Finding f = assertFinding(d, "TOP-002", Severity.WARNING, "servers[0].fqdn", "10.20.0.11",
                    "IP address");
            assertThat(f.hint()).contains("fully qualified domain name");
        }

        @Test
        void fqdnsSatisfyIt() {
            assertNone(baseline(), "TOP-002");
            assertNone(servers(baseline(), Server.of("APP-1.Hospital.Org"), Server.of("a.b")), "TOP-002");
        }
    }

    @Nested
    class Top003 {
        @Test
        void theConsoleOnAnApplicationServerIsAWarning() {
            Deployment d = baseline().copy(b -> b.serverConsole(APP1));
            Finding f = assertFinding(d, "TOP-003", Severity.WARNING, "serverConsole", "Server Console", APP1);
            assertThat(f.hint()).contains("serverConsole: lb");
        }

        @Test
        void theConsoleOnTheLoadBalancerSatisfiesIt() {
            assertNone(baseline(), "TOP-003");
            assertNone(baseline().copy(b -> b.serverConsole("console.hospital.org")), "TOP-003");
        }
    }

    @Nested
    class Top004 {
        @Test
        void noEnvironmentIsAnError() {
            Deployment d = baseline().copy(b -> b.environment(null));
            assertFinding(d, "TOP-004", Severity.ERROR, "environment", "not declared");
        }

        @Test
        void eitherEnvironmentSatisfiesIt() {
            assertNone(baseline(), "TOP-004");
            assertNone(baseline().copy(b -> b.environment(Environment.NON_PRODUCTION)), "TOP-004");
        }
    }

    // ------------------------------------------------------------------------------------------ SVC

    @Nested
    class Svc001 {
        @Test
        void aServiceOnAnUnknownServerIsAnError() {
            Deployment d = withService(baseline(), "fhir", s -> s.servers(List.of(APP1, "app3.hospital.org")));
            assertFinding(d, "SVC-001", Severity.ERROR, "services.fhir.servers[1]", "fhir",
                    "app3.hospital.org", "not among the application servers");
        }

        @Test
        void aSubsetOfKnownServersSatisfiesIt() {
            assertNone(baseline(), "SVC-001");
            assertNone(withService(baseline(), "fhir", s -> s.servers(List.of(APP2, APP1))), "SVC-001");
        }
    }

    @Nested
    class Svc002 {
        @Test
        void movedAdminConsolePortsAreAnError() {
            Deployment d = withService(baseline(), "admin-console", s -> s.ports(List.of(8080, 8443)));
            assertFinding(d, "SVC-002", Severity.ERROR, "services.admin-console.ports", "[8080, 8443]",
                    "must use 80 and 443");
            assertFinding(d, "SVC-002", Severity.ERROR, "services.admin-console.lbPorts", "published on",
                    "must use 80 and 443");
        }

        @Test
        void movedLoadBalancerPortsAloneAreAnError() {
            Deployment d = withService(baseline(), "admin-console", s -> s.lbPorts(List.of(80, 8443)));
            assertFinding(d, "SVC-002", Severity.ERROR, "services.admin-console.lbPorts", "[80, 8443]");
            assertThat(findings(d, "SVC-002")).hasSize(1);
        }

        @Test
        void eightyAndFourFourThreeSatisfyIt() {
            assertNone(baseline(), "SVC-002");
            assertNone(withService(baseline(), "admin-console", s -> s.ports(List.of(80, 443))), "SVC-002");
        }
    }

    @Nested
    class Svc003 {
        @Test
        void httpOn443IsAnError() {
            Deployment d = withService(baseline(), "admin-console", s -> s.ports(List.of(443, 8443)));
            assertFinding(d, "SVC-003", Severity.ERROR, "services.admin-console.ports[0]", "admin-console",
                    "serves HTTP on port 443");
            assertFinding(d, "SVC-003", Severity.ERROR, "services.admin-console.lbPorts[0]",
                    "publishes HTTP on port 443");
        }

        @Test
        void mllpOn443IsAnError() {
            Deployment d = withService(baseline(), "hl7", s -> s.port(443));
            assertFinding(d, "SVC-003", Severity.ERROR, "services.hl7.port", "serves MLLP on port 443");
        }

        @Test
        void httpsOn443SatisfiesIt() {
            assertNone(baseline(), "SVC-003");
            assertNone(withService(without(baseline(), "admin-console"), "web-services", s -> s.port(443)),
                    "SVC-003");
        }
    }

    @Nested
    class Svc004 {
        @Test
        void aDifferentLoadBalancerPortIsAnError() {
            Deployment d = withService(baseline(), "web-services", s -> s.lbPorts(List.of(8002)));
            Finding f = assertFinding(d, "SVC-004", Severity.ERROR, "services.web-services.lbPort",
                    "published on port 8002", "installed on port 7002");
            assertThat(f.hint()).contains("7002");
        }

        @Test
        void fewerPublishedPortsThanInstalledIsAnError() {
            Deployment d = withService(baseline(), "emergency-search", s -> s.lbPorts(List.of(7005)));
            assertFinding(d, "SVC-004", Severity.ERROR, "services.emergency-search.lbPorts",
                    "2 installed port(s) but 1 published");
        }

        @Test
        void equalPortsSatisfyIt() {
            assertNone(baseline(), "SVC-004");
            assertNone(withService(baseline(), "web-services", s -> s.port(8002).lbPorts(List.of(8002))), "SVC-004");
        }
    }

    @Nested
    class Svc005 {
        @Test
        void twoServicesOnOnePortAreAnErrorOnTheLoadBalancerAndOnTheServers() {
            Deployment d = withService(baseline(), "fhir", s -> s.port(7002));
            assertFinding(d, "SVC-005", Severity.ERROR, "services.fhir.lbPort", "fhir and web-services",
                    "both use port 7002 on the load balancer", "10.20.0.50:7002");
            List<Finding> onServers = findings(d, "SVC-005").stream()
                    .filter(f -> f.path().equals("services.fhir.port")).toList();
            assertThat(onServers).extracting(Finding::message).containsExactly(
                    "fhir and web-services both use port 7002 on " + APP1,
                    "fhir and web-services both use port 7002 on " + APP2);
        }

        @Test
        void theSecondEmergencySearchPortCounts() {
            Deployment d = withService(baseline(), "system-health", s -> s.port(7006));
            assertFinding(d, "SVC-005", Severity.ERROR, "services.system-health.lbPort",
                    "system-health and emergency-search both use port 7006");
        }

        @Test
        void aServicePublishingOnePortTwiceIsAnError() {
            Deployment d = withService(baseline(), "emergency-search", s -> s.ports(List.of(7005, 7005)));
            assertFinding(d, "SVC-005", Severity.ERROR, "services.emergency-search.lbPorts",
                    "publishes port 7005 twice");
        }

        @Test
        void distinctPortsSatisfyIt() {
            assertNone(baseline(), "SVC-005");
        }

        @Test
        void f5Hl7OnItsOwnAddressMayReuseAPort() {
            Deployment d = withService(baseline(Vendor.F5), "hl7", s -> s.lbPorts(List.of(7002)));
            assertNone(d, "SVC-005");
        }
    }

    @Nested
    class Svc006 {
        @Test
        void adminConsoleWithoutReportingIsAnError() {
            Deployment d = without(baseline(), "reporting");
            Finding f = assertFinding(d, "SVC-006", Severity.ERROR, "services", "Admin Console",
                    "without the Reporting Service");
            assertThat(f.hint()).contains("reporting: {}");
        }

        @Test
        void aDisabledReportingServiceDoesNotCount() {
            Deployment d = withService(baseline(), "reporting", s -> s.enabled(false));
            assertFinding(d, "SVC-006", Severity.ERROR, "services", "without the Reporting Service");
        }

        @Test
        void reportingOrNoConsoleSatisfiesIt() {
            assertNone(baseline(), "SVC-006");
            assertNone(without(without(baseline(), "reporting"), "admin-console"), "SVC-006");
        }
    }

    @Nested
    class Svc007 {
        @Test
        void emergencySearchOnOnePortIsAnError() {
            Deployment d = withService(baseline(), "emergency-search", s -> s.ports(List.of(7005)));
            assertFinding(d, "SVC-007", Severity.ERROR, "services.emergency-search", "only port [7005]",
                    "palm vein authentication (7006)");
        }

        @Test
        void bothPortsSatisfyIt() {
            assertNone(baseline(), "SVC-007");
            assertNone(withService(baseline(), "emergency-search", s -> s.ports(List.of(7105, 7106))), "SVC-007");
        }
    }

    @Nested
    class Svc008 {
        @Test
        void anEnabledOptionalServiceIsReportedAsInfo() {
            Finding f = assertFinding(baseline(), "SVC-008", Severity.INFO, "services.fhir",
                    "optional service fhir is enabled");
            assertThat(f.hint()).contains("TLS-005");
            Deployment d = withService(baseline(), "empi", s -> s.enabled(true).port(7009));
            assertFinding(d, "SVC-008", Severity.INFO, "services.empi", "optional service empi");
        }

        @Test
        void noOptionalServiceSatisfiesIt() {
            assertNone(withService(baseline(), "fhir", s -> s.enabled(false)), "SVC-008");
        }
    }

    // ------------------------------------------------------------------------------------------ URL

    @Nested
    class Url001 {
        @Test
        void httpAndAnApplicationServerAreErrors() {
            Deployment d = withService(baseline(), "identity-server",
                    s -> s.url("http://app1.hospital.org:7001/identityserver"));
            Finding f = assertFinding(d, "URL-001", Severity.ERROR, "services.identity-server.url",
                    "scheme http is not https", "host app1.hospital.org is an application server");
            assertThat(f.hint()).isEqualTo("configure https://" + LB + ":7001/identityserver");
        }

        @Test
        void wrongHostPortAndPathAreErrors() {
            Deployment d = withService(baseline(), "reporting", s -> s.url("https://reports.hospital.org:7010/rpt"));
            assertFinding(d, "URL-001", Severity.ERROR, "services.reporting.url",
                    "host reports.hospital.org is not the load balancer's FQDN",
                    "port 7010 is not the load-balancer port 7004", "path '/rpt' is not '/api'");
        }

        @Test
        void aMalformedUrlIsAnError() {
            Deployment d = withService(baseline(), "reporting", s -> s.url("https://bad host/api"));
            assertFinding(d, "URL-001", Severity.ERROR, "services.reporting.url", "is not a URL");
        }

        @Test
        void aUrlForAServiceConfiguredWithoutOneIsAWarning() {
            Deployment d = withService(baseline(), "hl7", s -> s.url("https://" + LB + ":2244/"));
            assertFinding(d, "URL-001", Severity.WARNING, "services.hl7.url", "not configured with a URL");
        }

        @Test
        void theCatalogUrlSatisfiesIt() {
            assertNone(baseline(), "URL-001");
            Deployment d = withService(baseline(), "identity-server",
                    s -> s.url("https://" + LB + ":7001/identityserver"));
            d = withService(d, "user-interface", s -> s.url("https://" + LB + ":7003/"));
            d = withService(d, "reporting", s -> s.url("HTTPS://PATIENTSECURE.hospital.org:7004/api/"));
            assertNone(d, "URL-001");
        }
    }

    @Nested
    class Url002 {
        @Test
        void webServicesOnAnotherHostIsAnError() {
            Deployment d = withService(baseline(), "web-services", s -> s.url("https://app1.hospital.org:7002/psws/api"));
            Finding f = assertFinding(d, "URL-002", Severity.ERROR, "services.web-services.url",
                    "clients would connect to app1.hospital.org:7002", "not the load balancer's " + LB + ":7002");
            assertThat(f.hint()).contains("https://" + LB + ":7002/psws/api");
        }

        @Test
        void webServicesOnAnotherPortIsAnError() {
            Deployment d = withService(baseline(), "web-services", s -> s.url("https://" + LB + "/psws/api"));
            assertFinding(d, "URL-002", Severity.ERROR, "services.web-services.url", LB + ":443");
        }

        @Test
        void noWebServicesIsAnError() {
            assertFinding(without(baseline(), "web-services"), "URL-002", Severity.ERROR, "services",
                    "Web Services is not deployed");
        }

        @Test
        void theLoadBalancersNameAndPortSatisfyIt() {
            assertNone(baseline(), "URL-002");
            assertNone(withService(baseline(), "web-services", s -> s.url("https://" + LB + ":7002/psws/api")),
                    "URL-002");
        }
    }

    @Nested
    class Url003 {
        @Test
        void aChangedUrlListsTheServersToUpdate() {
            Deployment d = withService(baseline(), "identity-server",
                    s -> s.url("https://app1.hospital.org:7001/identityserver"));
            assertFinding(d, "URL-003", Severity.INFO, "services.identity-server.url",
                    "after changing identity-server to https://" + LB + ":7001/identityserver",
                    "update its connection strings on " + APP1 + ", " + APP2);
        }

        @Test
        void theExpectedUrlSatisfiesIt() {
            assertNone(baseline(), "URL-003");
            assertNone(withService(baseline(), "identity-server",
                    s -> s.url("https://" + LB + ":7001/identityserver/")), "URL-003");
        }
    }

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

    // ------------------------------------------------------------------------------------------ HC

    @Nested
    class Hc001 {
        @Test
        void minimumServersOtherThanOneIsAnError() {
            Deployment d = withService(baseline(), "web-services", s -> s.healthTest(
                    ServiceType.WEB_SERVICES.healthTest().get().copy(h -> h.minServers(2))));
            assertFinding(d, "HC-001", Severity.ERROR, "services.web-services.healthCheck.minServers",
                    "PatientSecure Web Services has minimum servers 2", "the guide sets 1");
            Deployment zero = withService(baseline(), "reporting", s -> s.healthTest(
                    ServiceType.REPORTING.healthTest().get().copy(h -> h.minServers(0))));
            assertFinding(zero, "HC-001", Severity.ERROR, "services.reporting.healthCheck.minServers",
                    "minimum servers 0");
        }

        @Test
        void theCatalogsTestsSatisfyIt() {
            assertNone(baseline(), "HC-001");
            // a service left without a test takes the catalog's: a balanced farm never lacks one
            Deployment d = withService(baseline(), "fhir", s -> s.healthTest(null));
            assertThat(d.service("fhir").get().healthTest()).isPresent();
            assertNone(d, "HC-001");
        }
    }

    @Nested
    class Hc002 {
        @Test
        void anotherPathIsAWarning() {
            Deployment d = withService(baseline(), "web-services", s -> s.healthTest(
                    ServiceType.WEB_SERVICES.healthTest().get().copy(h -> h.path("/psws/api"))));
            assertFinding(d, "HC-002", Severity.WARNING, "services.web-services.healthCheck.path",
                    "probes /psws/api", "the guide probes /psws/api/public/status");
        }

        @Test
        void otherStatusCodesAreAWarning() {
            Deployment d = withService(baseline(), "web-services", s -> s.healthTest(
                    ServiceType.WEB_SERVICES.healthTest().get().copy(h -> h.statusCodes(StatusCodes.range(200, 399)))));
            assertFinding(d, "HC-002", Severity.WARNING, "services.web-services.healthCheck.statusCodes",
                    "accepts 200-399", "the guide accepts 200-302");
        }

        @Test
        void aMissingResponseMatchIsAWarning() {
            Deployment d = withService(baseline(), "identity-server", s -> s.healthTest(
                    ServiceType.IDENTITY_SERVER.healthTest().get().copy(h -> h.responseMatch(null))));
            Finding f = assertFinding(d, "HC-002", Severity.WARNING,
                    "services.identity-server.healthCheck.responseMatch", "expects no response match",
                    "the guide expects 'IdentityServer4'");
            assertThat(f.hint()).isEqualTo("use responseMatch IdentityServer4");
        }

        @Test
        void anExtraResponseMatchIsAWarning() {
            Deployment d = withService(baseline(), "reporting", s -> s.healthTest(
                    ServiceType.REPORTING.healthTest().get().copy(h -> h.responseMatch("OK"))));
            assertFinding(d, "HC-002", Severity.WARNING, "services.reporting.healthCheck.responseMatch",
                    "expects 'OK'", "the guide expects none");
        }

        @Test
        void theGuidesTestsSatisfyItWhateverTheTiming() {
            assertNone(baseline(), "HC-002");
            Deployment d = withService(baseline(), "user-interface", s -> s.healthTest(
                    ServiceType.USER_INTERFACE.healthTest().get().copy(h -> h.interval(Duration.ofSeconds(10))
                            .timeout(Duration.ofSeconds(5)))));
            assertNone(d, "HC-002");
        }
    }

    @Nested
    class Hc003 {
        private Deployment timing(Duration interval, Duration timeout) {
            return withService(baseline(), "system-health", s -> s.healthTest(
                    ServiceType.SYSTEM_HEALTH.healthTest().get().copy(h -> h.interval(interval).timeout(timeout))));
        }

        @Test
        void aTimeoutNotShorterThanTheIntervalIsAWarning() {
            Deployment d = timing(Duration.ofSeconds(30), Duration.ofSeconds(30));
            assertFinding(d, "HC-003", Severity.WARNING, "services.system-health.healthCheck.timeout",
                    "time-out 30s is not shorter than its interval 30s");
        }

        @Test
        void fractionsOfASecondAreNotRoundedAway() {
            Deployment d = timing(Duration.ofSeconds(30), Duration.ofMillis(30_500));
            assertFinding(d, "HC-003", Severity.WARNING, "services.system-health.healthCheck.timeout",
                    "time-out 30500ms is not shorter than its interval 30s");
        }

        @Test
        void veryShortTimingsAreWarnings() {
            Deployment d = timing(Duration.ofSeconds(1), Duration.ofMillis(500));
            assertFinding(d, "HC-003", Severity.WARNING, "services.system-health.healthCheck.interval",
                    "interval 1s is very short");
            assertFinding(d, "HC-003", Severity.WARNING, "services.system-health.healthCheck.timeout",
                    "time-out 500ms is very short");
        }

        @Test
        void aShorterTimeoutSatisfiesIt() {
            assertNone(baseline(), "HC-003");
            assertNone(timing(Duration.ofSeconds(5), Duration.ofSeconds(2)), "HC-003");
        }
    }

    @Nested
    class Hc005 {
        @Test
        void citrixIsToldAboutTheUserInterfaceMonitor() {
            assertFinding(baseline(Vendor.CITRIX), "HC-005", Severity.INFO, "services.user-interface",
                    "monitor is bound to every service group");
        }

        @Test
        void otherVendorsOrNoUserInterfaceSatisfyIt() {
            assertNone(baseline(Vendor.F5), "HC-005");
            assertNone(baseline(Vendor.IIS), "HC-005");
            assertNone(without(baseline(Vendor.CITRIX), "user-interface"), "HC-005");
        }
    }

    // ------------------------------------------------------------------------------------------ AFF

    @Nested
    class Aff001 {
        @ParameterizedTest
        @EnumSource(value = ServiceType.class, names = {"WEB_SERVICES", "USER_INTERFACE", "ADMIN_CONSOLE",
            "EMERGENCY_SEARCH"})
        void affinityOffIsAnErrorWhereTheGuideRequiresIt(ServiceType type) {
            Deployment d = withService(baseline(Vendor.IIS), type.key(), s -> s.affinity(Affinity.NONE));
            Finding f = assertFinding(d, "AFF-001", Severity.ERROR, "services." + type.key() + ".affinity",
                    type.key() + " has client affinity off");
            assertThat(f.hint()).contains("cookie");
        }

        @Test
        void affinityOffWhereNotRequiredOrTheDefaultSatisfiesIt() {
            for (Vendor v : Vendor.values()) {
                assertNone(baseline(v), "AFF-001");
            }
            assertNone(withService(baseline(), "reporting", s -> s.affinity(Affinity.NONE)), "AFF-001");
        }
    }

    @Nested
    class Aff002 {
        @Test
        void cookieOnCitrixIsAWarning() {
            Deployment d = withService(baseline(Vendor.CITRIX), "web-services",
                    s -> s.affinity(new Affinity(AffinityType.COOKIE, Duration.ZERO)));
            assertFinding(d, "AFF-002", Severity.WARNING, "services.web-services.affinity.type",
                    "uses cookie persistence", "Citrix should use source-ip");
        }

        @Test
        void cookieOnF5IsAWarning() {
            Deployment d = withService(baseline(Vendor.F5), "user-interface",
                    s -> s.affinity(new Affinity(AffinityType.COOKIE, Duration.ZERO)));
            assertFinding(d, "AFF-002", Severity.WARNING, "services.user-interface.affinity.type",
                    "F5 should use source-ip");
        }

        @Test
        void anotherCitrixTimeoutIsAWarning() {
            Deployment d = withService(baseline(Vendor.CITRIX), "web-services",
                    s -> s.affinity(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(20))));
            Finding f = assertFinding(d, "AFF-002", Severity.WARNING, "services.web-services.affinity.timeout",
                    "persists for 20 minutes", "the guide sets 10");
            assertThat(f.hint()).isEqualTo("use timeout: 10m");
        }

        @Test
        void sourceIpForTenMinutesOrAnyF5TimeoutOrIisSatisfiesIt() {
            assertNone(withService(baseline(Vendor.CITRIX), "web-services",
                    s -> s.affinity(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(10)))), "AFF-002");
            assertNone(withService(baseline(Vendor.F5), "web-services",
                    s -> s.affinity(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(30)))), "AFF-002");
            assertNone(withService(baseline(Vendor.IIS), "web-services",
                    s -> s.affinity(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(30)))), "AFF-002");
        }
    }

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
