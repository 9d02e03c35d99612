package io.hakit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void secretFieldsAreReplacedAtAnyDepthWhateverTheirCase() throws Exception {
        JsonNode n = new ObjectMapper().readTree(
                "{\"login\":{\"username\":\"a\",\"Password\":\"pw\"},\"items\":[{\"passphrase\":\"p\",\"x\":1}],"
                        + "\"password\":{\"nested\":\"kept-searching\"}}");
        Redaction.redactFields(n, Set.of("password", "passphrase"));
        assertThat(n.toString()).isEqualTo("{\"login\":{\"username\":\"a\",\"Password\":\"<redacted>\"},"
                + "\"items\":[{\"passphrase\":\"<redacted>\",\"x\":1}],\"password\":{\"nested\":\"kept-searching\"}}");
    }

    @Test
    void cookieValuesAreReplaced() {
        assertThat(Redaction.redactCookies("NITRO_AUTH_TOKEN=abc; sessionid=def"))
                .isEqualTo("NITRO_AUTH_TOKEN=<redacted>; sessionid=<redacted>");
    }

    @Test
    void recordedRequestHeadersMatchAnyCase() {
        RecordedRequest r = new RecordedRequest("GET", "/x", null, Map.of("X-F5-Auth-Token", Redaction.MARK), null, 200);
        assertThat(r.header("x-f5-auth-token")).isEqualTo("<redacted>");
        assertThat(r.query()).isEmpty();
        assertThat(r.body()).isEmpty();
    }
}
