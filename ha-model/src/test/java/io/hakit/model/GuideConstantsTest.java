package io.hakit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuideConstantsTest {

    @Test
    void theCatalogPublishesHl7OnTheGuidesPort() {
        assertThat(GuideConstants.HL7_PORT).isEqualTo(2244);
        assertThat(ServiceType.HL7.defaultPorts()).containsExactly(GuideConstants.HL7_PORT);
    }

    @Test
    void theIdleTimeOutOutlastsTheAdminConsoleSessionByAMinute() {
        assertThat(GuideConstants.IDLE_TIMEOUT).isEqualTo(Duration.ofMinutes(30).plusMinutes(1));
        assertThat(GuideConstants.IDLE_TIMEOUT.toSeconds()).isEqualTo(GuideConstants.IDLE_TIMEOUT_SECONDS);
    }
}
