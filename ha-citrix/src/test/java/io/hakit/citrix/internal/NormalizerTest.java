package io.hakit.citrix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void numbersReturnedAsStringsAreNumbers() {
        assertThat(Normalizer.same("lbvserver", "timeout", Map.of("timeout", 10L), Map.of("timeout", "10"))).isTrue();
        assertThat(Normalizer.same("lbvserver", "timeout", Map.of("timeout", 10L), Map.of("timeout", "10.0")))
                .isTrue();
        assertThat(Normalizer.same("lbvserver", "timeout", Map.of("timeout", 10L), Map.of("timeout", "2"))).isFalse();
    }

    @Test
    void enumsCompareWithoutCaseButFreeTextKeepsIt() {
        assertThat(Normalizer.same("lbvserver", "persistencetype", Map.of("persistencetype", "SOURCEIP"),
                Map.of("persistencetype", "sourceip"))).isTrue();
        assertThat(Normalizer.same("lbmonitor", "recv", Map.of("recv", "IdentityServer4"),
                Map.of("recv", "identityserver4"))).isFalse();
        assertThat(Normalizer.same("server", "comment", Map.of("comment", "hakit:a"), Map.of("comment", "HAKIT:A")))
                .isFalse();
    }

    @Test
    void monitorDurationsCompareAcrossUnits() {
        Map<String, Object> want = Map.of("interval", 60L, "units3", "SEC");
        Map<String, Object> read = Map.of("interval", "1", "units3", "MIN");
        assertThat(Normalizer.same("lbmonitor", "interval", want, read)).isTrue();
        assertThat(Normalizer.same("lbmonitor", "units3", want, read)).isTrue();
        assertThat(Normalizer.same("lbmonitor", "interval", want, Map.of("interval", "2", "units3", "MIN")))
                .isFalse();
        assertThat(Normalizer.same("lbmonitor", "resptimeout", Map.of("resptimeout", 500L, "units4", "MSEC"),
                Map.of("resptimeout", "500", "units4", "MSEC"))).isTrue();
    }

    @Test
    void listsCompareAsSetsAndMissingAttributesTakeTheDeviceDefault() {
        assertThat(Normalizer.same("lbmonitor", "respcode", Map.of("respcode", List.of("200", "302")),
                Map.of("respcode", List.of("302", "200")))).isTrue();
        assertThat(Normalizer.same("servicegroup_servicegroupmember_binding", "weight", Map.of("weight", 1L),
                Map.of())).isTrue();
        assertThat(Normalizer.same("servicegroup_servicegroupmember_binding", "state", Map.of("state", "ENABLED"),
                Map.of("state", "DISABLED"))).isFalse();
        assertThat(Normalizer.same("lbmonitor", "interval", Map.of("interval", 5L, "units3", "SEC"), Map.of()))
                .isTrue();
    }

    @Test
    void certificateFilesCompareWithOrWithoutTheSslDirectory() {
        assertThat(Normalizer.same("sslcertkey", "cert", Map.of("cert", "hakit-lb-cert.pem"),
                Map.of("cert", "/nsconfig/ssl/hakit-lb-cert.pem"))).isTrue();
    }
}
