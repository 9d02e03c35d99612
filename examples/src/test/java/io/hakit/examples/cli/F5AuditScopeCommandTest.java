package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.test.ThrowawayCa;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code hakit audit --vendor f5} on a BIG-IP shared with another application. */
class F5AuditScopeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private F5Simulator sim;
    private Path topology;
    private Path lbKey;

    /** The one place the simulator is set up: started empty; another team's objects are loaded through iControl REST. */
    @BeforeEach
    void start() throws IOException {
        sim = F5Simulator.builder().start();
        ThrowawayCa ca = ThrowawayCa.create("CLI Test CA");
        ThrowawayCa.Issued lb = ca.issueServer("patientsecure.hospital.org", "patientsecurehl7.hospital.org");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        Files.writeString(certs.resolve("lb.pem"), lb.chainPem());
        Files.writeString(certs.resolve("app1.pem"), ca.issueServer("app1.hospital.org").chainPem());
        Files.writeString(certs.resolve("app2.pem"), ca.issueServer("app2.hospital.org").chainPem());
        Files.writeString(certs.resolve("hospital-ca.pem"), ca.certificatePem());
        topology = Files.copy(Path.of("topologies/reference-f5.yaml"), dir.resolve("reference-f5.yaml"));
        lbKey = Files.writeString(dir.resolve("lb.key"), lb.privateKeyPem());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Another team's HTTP site on 8080 at its own address, its node by address. */
    private void intranet() throws IOException {
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            create(http, "ltm/node", Map.of("name", "10.30.1.11", "partition", "Common", "address", "10.30.1.11"));
            create(http, "ltm/pool", Map.of("name", "intranet_pool", "partition", "Common", "monitor", "/Common/http",
                    "members", List.of(Map.of("name", "10.30.1.11:8080", "partition", "Common"))));
            create(http, "ltm/virtual", Map.of("name", "intranet_vs", "partition", "Common", "destination",
                    "/Common/10.30.0.6:8080", "ipProtocol", "tcp", "pool", "/Common/intranet_pool"));
        }
    }

    private void create(CloseableHttpClient http, String collection, Map<String, Object> body) throws IOException {
        HttpPost req = new HttpPost(URI.create(sim.url() + "/mgmt/tm/" + collection));
        req.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(StandardCharsets.US_ASCII)));
        req.setEntity(new StringEntity(JSON.valueToTree(body).toString(), ContentType.APPLICATION_JSON));
        int status = http.execute(req, r -> r.getCode());
        assertThat(status).as("POST " + collection).isBetween(200, 299);
    }

    private CliRun run(String command, String... more) {
        String[] base = {command, "--vendor", "f5", "--url", sim.url().toString(), "--user", "admin",
            "--password-env", "BIGIP_PASSWORD"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.withEnv(Map.of("BIGIP_PASSWORD", "admin"), args);
    }

    @Test
    void aConvergedBigIpBesideAnotherApplicationAuditsCleanCountsItOutOfScopeAndAllJudgesIt() throws IOException {
        CliRun apply = run("apply", "--lb-key", lbKey.toString(), topology.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        intranet();

        CliRun audit = run("audit", topology.toString());
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Audit of the f5 device: 0 errors").contains("Scope: deployment (the "
                + "topology's objects); 3 objects of other applications not judged (--verbose lists them)")
                .doesNotContain("intranet");

        CliRun verbose = run("audit", topology.toString(), "--verbose");
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.out()).contains("  out of scope: ltm/virtual /Common/intranet_vs\n")
                .contains("  out of scope: ltm/pool /Common/intranet_pool\n")
                .contains("  out of scope: ltm/node /Common/10.30.1.11\n");

        CliRun json = run("audit", "--format", "json");
        assertThat(json.exitCode()).as(json.out()).isZero();
        assertThat(json.out()).contains("\"scope\" : \"found\"").contains("\"outOfScope\" : 3")
                .contains("\"ltm/virtual /Common/intranet_vs\"").contains("\"errors\" : 0");

        CliRun all = run("audit", topology.toString(), "--all");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("Scope: all (every object)").contains("F5-001 ltm/node /Common/10.30.1.11")
                .contains("AFF-002 ltm/virtual /Common/intranet_vs");
    }

    @Test
    void aBigIpWithNoPatientSecureAuditsCleanWithoutATopology() throws IOException {
        intranet();
        CliRun audit = run("audit");
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Scope: found (the PatientSecure objects found; no topology given); "
                + "3 objects of other applications not judged");
    }
}
