package io.hakit.model.validate.internal;

import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.withService;
import static io.hakit.model.Fixtures.without;
import static io.hakit.model.validate.internal.GuideRulesTest.assertFinding;
import static io.hakit.model.validate.internal.GuideRulesTest.assertNone;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Deployment;
import io.hakit.model.ServiceType;
import io.hakit.model.StatusCodes;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The health-check rules (HC) of {@link HealthCheckRules}: for each rule, a deployment that breaks it and one that satisfies it. */
class HealthCheckRulesTest {

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
}
