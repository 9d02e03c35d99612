package io.hakit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void aTokenInAPathIsMasked() {
        assertThat(Redaction.path("/mgmt/shared/authz/tokens/ABCDEF0123456789?x=1"))
                .isEqualTo("/mgmt/shared/authz/tokens/***?x=1");
        assertThat(Redaction.path("/mgmt/tm/ltm/pool")).isEqualTo("/mgmt/tm/ltm/pool");
    }

    @Test
    void secretHeadersAreMaskedWhateverTheirCase() {
        assertThat(Redaction.header("X-F5-Auth-Token", "T0KEN")).isEqualTo("***");
        assertThat(Redaction.header("cookie", "NITRO_AUTH_TOKEN=abc")).isEqualTo("***");
        assertThat(Redaction.header("Authorization", "Basic eDp5")).isEqualTo("***");
        assertThat(Redaction.header("X-NITRO-PASS", "pw")).isEqualTo("***");
        assertThat(Redaction.header("Content-Type", "application/json")).isEqualTo("application/json");
    }

    @Test
    void passwordsTokensCookiesAndPrivateKeysInTextAreMasked() {
        String body = "{\"login\":{\"username\":\"nsroot\",\"password\":\"p\\\"w1\"},\"token\":{\"token\":\"T0K\"}}"
                + " Set-Cookie: NITRO_AUTH_TOKEN=##C00KIE; path=/nitro/v1"
                + " -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY----- tail";
        String out = Redaction.text(body);
        assertThat(out).doesNotContain("p\\\"w1").doesNotContain("T0K").doesNotContain("##C00KIE")
                .doesNotContain("MHcCAQEEI").contains("\"username\":\"nsroot\"").contains("\"password\":\"***\"")
                .contains("NITRO_AUTH_TOKEN=***").contains("PRIVATE KEY-----").endsWith(" tail");
    }

    @Test
    void anUnterminatedPrivateKeyIsMaskedToTheEnd() {
        assertThat(Redaction.text("x -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg")).doesNotContain("MIIEvQ");
    }
}
