package io.hakit.model.validate.internal;

import static io.hakit.model.Fixtures.APP1;
import static io.hakit.model.Fixtures.APP1_CERT;
import static io.hakit.model.Fixtures.APP2;
import static io.hakit.model.Fixtures.LB;
import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.findings;
import static io.hakit.model.Fixtures.withService;
import static io.hakit.model.Fixtures.without;
import static io.hakit.model.validate.internal.GuideRulesTest.assertFinding;
import static io.hakit.model.validate.internal.GuideRulesTest.assertNone;
import static io.hakit.model.validate.internal.GuideRulesTest.servers;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.Server;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The topology, service and URL rules (TOP, SVC, URL) of {@link ServiceRules}: for each rule, a deployment that breaks it and one that satisfies it. */
class ServiceRulesTest {

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
}
