package io.hakit.model.validate.internal;

import static io.hakit.model.Fixtures.baseline;
import static io.hakit.model.Fixtures.withService;
import static io.hakit.model.validate.internal.GuideRulesTest.assertFinding;
import static io.hakit.model.validate.internal.GuideRulesTest.assertNone;
import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.ServiceType;
import io.hakit.model.Vendor;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The affinity rules (AFF) of {@link AffinityRules}: for each rule, a deployment that breaks it and one that satisfies it. */
class AffinityRulesTest {

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
}
