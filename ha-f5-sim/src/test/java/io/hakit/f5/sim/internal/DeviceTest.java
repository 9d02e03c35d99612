package io.hakit.f5.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.sim.RequestKind;
import io.hakit.sim.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DeviceTest {
    private static final String BASIC = "Basic YWRtaW46YWRtaW4="; // admin:admin
    private final Device device = new Device(new Device.Settings(Map.of("admin", "admin"), Duration.ofSeconds(1200), 100,
            false, null, new SettableClock(), Duration.ofSeconds(120), Duration.ZERO), new F5FaultPlan());

    private static SimRequest request(String method, String path, String json, String... headers) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            given.put(headers[i], headers[i + 1]);
        }
        h.putAll(given);
        byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
        return new SimRequest(method, path, path, "", Map.of(), h, body, "127.0.0.1");
    }

    private static SimRequest authed(String method, String path, String json) {
        return request(method, path, json, "Authorization", BASIC);
    }

    @Test
    void loginsAndTokenRequestsAreSessionRequestsWhateverTheirMethod() {
        assertThat(device.kind(request("POST", "/mgmt/shared/authn/login", "{}"))).isEqualTo(RequestKind.SESSION);
        assertThat(device.kind(authed("GET", "/mgmt/shared/authz/tokens", null))).isEqualTo(RequestKind.SESSION);
        assertThat(device.kind(authed("PATCH", "/mgmt/shared/authz/tokens/ABC", "{\"timeout\":60}")))
                .isEqualTo(RequestKind.SESSION);
        assertThat(device.kind(authed("DELETE", "/mgmt/shared/authz/tokens/ABC", null))).isEqualTo(RequestKind.SESSION);
    }

    @Test
    void getsAreReads() {
        assertThat(device.kind(authed("GET", "/mgmt/tm/ltm/pool", null))).isEqualTo(RequestKind.READ);
        assertThat(device.kind(authed("GET", "/mgmt/tm/sys/config", null))).isEqualTo(RequestKind.READ);
    }

    @Test
    void theTwoSavesAreSaves() {
        assertThat(device.kind(authed("POST", "/mgmt/tm/sys/config", "{\"command\":\"save\"}"))).isEqualTo(RequestKind.SAVE);
        assertThat(device.kind(authed("POST", "/mgmt/tm/util/bash",
                "{\"command\":\"run\",\"utilCmdArgs\":\"-c \\\"tmsh save sys config\\\"\"}"))).isEqualTo(RequestKind.SAVE);
        assertThat(device.kind(authed("POST", "/mgmt/tm/util/bash",
                "{\"command\":\"run\",\"utilCmdArgs\":\"-c \\\"tmsh load sys config\\\"\"}")))
                .as("another bash command is a write (the device refuses it)").isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(authed("POST", "/mgmt/tm/sys/config", "{\"command\":\"load\"}"))).isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(authed("POST", "/mgmt/tm/sys/config", "not json"))).isEqualTo(RequestKind.WRITE);
    }

    @Test
    void otherAuthenticatedChangesAreWritesTransactionStepsIncluded() {
        assertThat(device.kind(authed("POST", "/mgmt/tm/ltm/pool", "{\"name\":\"a\"}"))).isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(authed("PUT", "/mgmt/tm/ltm/pool/~Common~a", "{}"))).isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(authed("DELETE", "/mgmt/tm/ltm/pool/~Common~a", null))).isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(authed("POST", "/mgmt/tm/transaction", "{}"))).isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(request("POST", "/mgmt/tm/ltm/pool", "{}", "Authorization", BASIC,
                "X-F5-REST-Coordination-Id", "1"))).isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(request("POST", "/mgmt/tm/sys/config", "{\"command\":\"save\"}", "Authorization", BASIC,
                "X-F5-REST-Coordination-Id", "1"))).as("sent into a transaction: a command, not a save")
                .isEqualTo(RequestKind.WRITE);
        assertThat(device.kind(authed("PATCH", "/mgmt/tm/transaction/1", "{\"state\":\"VALIDATING\"}")))
                .isEqualTo(RequestKind.WRITE);
    }

    @Test
    void aChangeRefusedAuthenticationIsARequestOnly() {
        assertThat(device.kind(request("POST", "/mgmt/tm/ltm/pool", "{}"))).isEqualTo(RequestKind.READ);
        assertThat(device.kind(request("POST", "/mgmt/tm/sys/config", "{\"command\":\"save\"}", "X-F5-Auth-Token", "NOPE")))
                .isEqualTo(RequestKind.READ);
        assertThat(device.kind(request("DELETE", "/mgmt/tm/ltm/pool/~Common~a", null, "Authorization",
                "Basic YWRtaW46d3Jvbmc="))).isEqualTo(RequestKind.READ);
    }

    @Test
    void sortingARequestChangesNothing() {
        device.kind(authed("POST", "/mgmt/tm/ltm/pool", "{\"name\":\"a\"}"));
        device.kind(authed("POST", "/mgmt/tm/sys/config", "{\"command\":\"save\"}"));
        assertThat(device.writeCount()).isZero();
        assertThat(device.saves()).isZero();
        assertThat(device.snapshot().path("ltm/pool").has("/Common/a")).isFalse();
    }
}
