package io.hakit.f5.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.sim.SettableClock;
import io.hakit.test.ThrowawayCa;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class F5SimulatorFilesAndSyncTest {

    private static void upload(SimHttp http, String name, byte[] bytes, int chunk) {
        for (int from = 0; from < bytes.length; from += chunk) {
            int to = Math.min(bytes.length, from + chunk);
            SimHttp.Resp r = http.upload(name, bytes, from, to);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("remainingByteCount").asLong()).isEqualTo(bytes.length - to);
            assertThat(r.json().path("localFilePath").asText()).isEqualTo("/var/config/rest/downloads/" + name);
        }
    }

    @Test
    void uploadedCertificateAndKeyInstallAndAProfileUsesThem() {
        ThrowawayCa ca = ThrowawayCa.create("Hospital CA");
        ThrowawayCa.Issued lb = ca.issueServer("idm.hospital.example");
        byte[] cert = lb.chainPem().getBytes(StandardCharsets.US_ASCII);
        byte[] key = lb.privateKeyPem().getBytes(StandardCharsets.US_ASCII);
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            upload(http, "idm.crt", cert, 300);
            upload(http, "idm.key", key, 1 << 20);
            SimHttp.Resp c = http.post("/mgmt/tm/sys/file/ssl-cert", "{\"name\":\"idm.crt\",\"partition\":\"Common\","
                    + "\"sourcePath\":\"file:///var/config/rest/downloads/idm.crt\"}");
            assertThat(c.status()).isEqualTo(200);
            assertThat(c.json().path("kind").asText()).isEqualTo("tm:sys:file:ssl-cert:ssl-certstate");
            assertThat(c.json().path("subject").asText()).contains("idm.hospital.example");
            assertThat(c.json().path("issuer").asText()).contains("Hospital CA");
            assertThat(c.json().path("subjectAlternativeName").asText()).isEqualTo("DNS:idm.hospital.example");
            assertThat(c.json().path("checksum").asText()).startsWith("SHA1:" + cert.length + ":");
            assertThat(c.json().path("isBundle").asText()).isEqualTo("true");
            SimHttp.Resp k = http.post("/mgmt/tm/sys/file/ssl-key", "{\"name\":\"idm.key\","
                    + "\"sourcePath\":\"file:///var/config/rest/downloads/idm.key\"}");
            assertThat(k.status()).isEqualTo(200);
            assertThat(k.json().path("keyType").asText()).endsWith("-private");
            assertThat(k.json().path("securityType").asText()).isEqualTo("normal");
            SimHttp.Resp p = http.post("/mgmt/tm/ltm/profile/client-ssl", "{\"name\":\"idm-ssl\",\"certKeyChain\":[{\"name\":\"idm\","
                    + "\"cert\":\"/Common/idm.crt\",\"key\":\"/Common/idm.key\",\"chain\":\"none\"}]}");
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.json().path("cert").asText()).isEqualTo("/Common/idm.crt");
            assertThat(http.delete("/mgmt/tm/sys/file/ssl-cert/~Common~idm.crt").message())
                    .startsWith("01070265:3: The Certificate File (/Common/idm.crt) cannot be deleted because it is in use by a "
                            + "ClientSSL Profile (/Common/idm-ssl)");
            assertThat(http.post("/mgmt/tm/ltm/profile/server-ssl", "{\"name\":\"s\",\"caFile\":\"/Common/missing-ca.crt\"}")
                    .message()).isEqualTo("01020036:3: The requested Certificate File (/Common/missing-ca.crt) was not found.");
            assertThat(sim.requests().get(1).body()).as("uploads are not recorded").isEqualTo("<300 bytes>");
            ThrowawayCa.Issued renewed = ca.issueServer("idm2.hospital.example");
            upload(http, "idm.crt", renewed.chainPem().getBytes(StandardCharsets.US_ASCII), 1 << 20);
            SimHttp.Resp replaced = http.put("/mgmt/tm/sys/file/ssl-cert/~Common~idm.crt",
                    "{\"sourcePath\":\"file:///var/config/rest/downloads/idm.crt\"}");
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().path("subject").asText()).as("the same path re-installs the new upload")
                    .contains("idm2.hospital.example");
        }
    }

    @Test
    void installWithoutAnUploadOrWithGarbageIsRefused() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            SimHttp.Resp none = http.post("/mgmt/tm/sys/file/ssl-cert", "{\"name\":\"x.crt\","
                    + "\"sourcePath\":\"file:///var/config/rest/downloads/x.crt\"}");
            assertThat(none.status()).isEqualTo(400);
            assertThat(none.message()).contains("File not found: /var/config/rest/downloads/x.crt");
            byte[] junk = "not a certificate".getBytes(StandardCharsets.US_ASCII);
            upload(http, "x.crt", junk, 100);
            assertThat(http.post("/mgmt/tm/sys/file/ssl-cert", "{\"name\":\"x.crt\","
                    + "\"sourcePath\":\"file:///var/config/rest/downloads/x.crt\"}").status()).isEqualTo(400);
            SimHttp.Resp gap = http.upload("y.crt", new byte[10], 5, 10);
            assertThat(gap.status()).as("a chunk must continue the upload").isEqualTo(400);
        }
    }

    @Test
    void saveRecordsTheConfiguration() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
            SimHttp.Resp r = http.post("/mgmt/tm/sys/config", "{\"command\":\"save\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("command").asText()).isEqualTo("save");
            assertThat(sim.configSaves()).isEqualTo(1);
            assertThat(http.post("/mgmt/tm/sys/config", "{\"command\":\"reboot\"}").status()).isEqualTo(400);
        }
    }

    @Test
    void standaloneDeviceReportsStandalone() {
        try (F5Simulator sim = F5Simulator.builder().start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            assertThat(sim.syncStatus()).isEqualTo("Standalone");
            assertThat(status(http)).isEqualTo("Standalone");
            SimHttp.Resp r = http.post("/mgmt/tm/cm", "{\"command\":\"run\",\"utilCmdArgs\":\"config-sync to-group dg\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.message()).isEqualTo("01020036:3: The requested device group (/Common/dg) was not found.");
        }
    }

    private static String status(SimHttp http) {
        JsonNode body = http.get("/mgmt/tm/cm/sync-status").json();
        assertThat(body.path("kind").asText()).isEqualTo("tm:cm:sync-status:sync-statusstats");
        return body.path("entries").path("https://localhost/mgmt/tm/cm/sync-status/0").path("nestedStats").path("entries")
                .path("status").path("description").asText();
    }

    @Test
    void changesMakeChangesPendingAndConfigSyncBringsInSyncAfterItsDelay() {
        SettableClock clock = new SettableClock();
        try (F5Simulator sim = F5Simulator.builder().deviceGroup("dg-idm").clock(clock).syncDelay(Duration.ofSeconds(6))
                .start()) {
            SimHttp http = SimHttp.loggedIn(sim);
            assertThat(status(http)).isEqualTo("In Sync");
            JsonNode dg = http.get("/mgmt/tm/cm/device-group/~Common~dg-idm").json();
            assertThat(dg.path("type").asText()).isEqualTo("sync-failover");
            http.post("/mgmt/tm/ltm/pool", "{\"name\":\"web\"}");
            assertThat(status(http)).isEqualTo("Changes Pending");
            http.post("/mgmt/tm/sys/config", "{\"command\":\"save\"}");
            assertThat(sim.syncStatus()).as("save is not a sync").isEqualTo("Changes Pending");
            SimHttp.Resp r = http.post("/mgmt/tm/cm", "{\"command\":\"run\",\"utilCmdArgs\":\"config-sync to-group dg-idm\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(status(http)).isEqualTo("Syncing");
            clock.advance(Duration.ofSeconds(6));
            assertThat(status(http)).isEqualTo("In Sync");
            sim.modify("/mgmt/tm/ltm/pool/~Common~web", java.util.Map.of("description", "drift"));
            assertThat(sim.syncStatus()).isEqualTo("Changes Pending");
            assertThat(http.post("/mgmt/tm/cm", "{\"command\":\"run\",\"utilCmdArgs\":\"bogus\"}").status()).isEqualTo(400);
        }
    }
}
