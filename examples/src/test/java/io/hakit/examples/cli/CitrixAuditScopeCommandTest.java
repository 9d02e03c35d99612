package io.hakit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.test.ThrowawayCa;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: {@code hakit audit --vendor citrix} on an ADC shared with another application. */
class CitrixAuditScopeCommandTest {

    private static final String CITRIX = "topologies/reference-citrix.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CitrixSimulator sim;

    /** The one place the simulator is set up: started empty; another team's objects are loaded through NITRO. */
    @BeforeEach
    void start() {
        sim = CitrixSimulator.builder().start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Another team's HTTP site on 8080 at its own address, its server added by address. */
    private void intranet() throws IOException {
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            nitro(http, "POST", "server", Map.of("name", "10.30.1.11", "ipaddress", "10.30.1.11"));
            nitro(http, "POST", "servicegroup", Map.of("servicegroupname", "sg_intranet", "servicetype", "HTTP"));
            nitro(http, "PUT", "servicegroup_servicegroupmember_binding", Map.of("servicegroupname", "sg_intranet",
                    "servername", "10.30.1.11", "port", 8080));
            nitro(http, "POST", "lbvserver", Map.of("name", "vs_intranet", "servicetype", "HTTP", "ipv46", "10.30.0.6",
                    "port", 8080));
            nitro(http, "PUT", "lbvserver_servicegroup_binding", Map.of("name", "vs_intranet",
                    "servicegroupname", "sg_intranet"));
        }
    }

    private void nitro(CloseableHttpClient http, String method, String resource, Map<String, Object> attributes)
            throws IOException {
        HttpUriRequestBase req = new HttpUriRequestBase(method, URI.create(sim.url() + "/nitro/v1/config/" + resource));
        req.addHeader("X-NITRO-USER", "admin");
        req.addHeader("X-NITRO-PASS", "admin");
        req.setEntity(new StringEntity(JSON.createObjectNode().set(resource, JSON.valueToTree(attributes)).toString(),
                ContentType.APPLICATION_JSON));
        int status = http.execute(req, r -> r.getCode());
        assertThat(status).as(method + " " + resource).isBetween(200, 299);
    }

    private CliRun run(String command, String... more) {
        String[] base = {command, "--vendor", "citrix", "--url", sim.url().toString(), "--user", "admin",
            "--password-env", "ADC_PASSWORD"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.withEnv(Map.of("ADC_PASSWORD", "admin"), args);
    }

    @Test
    void aConvergedAdcBesideAnotherApplicationAuditsCleanCountsItOutOfScopeAndAllJudgesIt() throws IOException {
        Path key = Files.writeString(dir.resolve("lb.key"),
                ThrowawayCa.create("cli test").issueServer("patientsecure.hospital.org").privateKeyPem());
        intranet();
        CliRun apply = run("apply", CITRIX, "--lb-key", key.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();

        CliRun audit = run("audit", CITRIX);
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Audit of the citrix device: 0 errors").contains("Scope: deployment (the "
                + "topology's objects); 3 objects of other applications not judged (--verbose lists them)")
                .doesNotContain("vs_intranet");

        CliRun verbose = run("audit", CITRIX, "--verbose");
        assertThat(verbose.exitCode()).isZero();
        assertThat(verbose.out()).contains("  out of scope: lbvserver vs_intranet\n")
                .contains("  out of scope: servicegroup sg_intranet\n").contains("  out of scope: server 10.30.1.11\n");

        CliRun json = run("audit", "--format", "json");
        assertThat(json.exitCode()).as(json.out()).isZero();
        assertThat(json.out()).contains("\"scope\" : \"found\"").contains("\"outOfScope\" : 3")
                .contains("\"lbvserver vs_intranet\"").contains("\"errors\" : 0");

        CliRun all = run("audit", CITRIX, "--all");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("Scope: all (every object)").contains("CTX-003 lbvserver/vs_intranet")
                .contains("CTX-001 server/10.30.1.11");
    }

    @Test
    void anAdcWithNoPatientSecureAuditsCleanWithoutATopology() throws IOException {
        intranet();
        CliRun audit = run("audit");
        assertThat(audit.exitCode()).as(audit.out()).isZero();
        assertThat(audit.out()).contains("Scope: found (the PatientSecure objects found; no topology given); "
                + "3 objects of other applications not judged");
    }
}
