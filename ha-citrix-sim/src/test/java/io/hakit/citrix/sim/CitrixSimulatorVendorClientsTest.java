package io.hakit.citrix.sim;

import static io.hakit.citrix.sim.Setup.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hakit.test.CitrixSimulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the vendors' public clients (Ansible netscaler.adc, Terraform's citrixadc provider) read,
 * answered as a NetScaler does (docs/vendor-clients.md).
 */
@CitrixSimulatorTest
class CitrixSimulatorVendorClientsTest {
    private CitrixSimulator sim;
    private Nitro n;

    @BeforeEach
    void start() {
        n = new Nitro(sim.url()).login();
    }

    private static Map<String, Object> upload(String name, String location, String text) {
        return Map.of("filename", name, "filelocation", location, "fileencoding", "BASE64",
                "filecontent", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String decoded(JsonNode file) {
        return new String(Base64.getDecoder().decode(file.path("filecontent").asText()), StandardCharsets.UTF_8);
    }

    @Test
    void systemfileByNameInThePathReturnsThatOneFileWithItsContent() {
        ok(n.add("systemfile", upload("lb.crt", "/nsconfig/ssl", Setup.LB.chainPem())));
        ok(n.add("systemfile", upload("lb.key", "/nsconfig/ssl", Setup.LB.privateKeyPem())));
        Nitro.Resp r = n.get("systemfile/lb.key?args=filelocation:%2Fnsconfig%2Fssl");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("errorcode").asInt()).isZero();
        JsonNode files = r.body().path("systemfile");
        assertThat(files).hasSize(1);
        JsonNode f = files.get(0);
        assertThat(f.path("filename").asText()).isEqualTo("lb.key");
        assertThat(f.path("filelocation").asText()).isEqualTo("/nsconfig/ssl");
        assertThat(f.path("fileencoding").asText()).isEqualTo("BASE64");
        assertThat(decoded(f)).isEqualTo(Setup.LB.privateKeyPem());
        // the folder spelled with the slash names the same folder
        assertThat(decoded(n.get("systemfile/lb.crt?args=filelocation:%2Fnsconfig%2Fssl%2F").body().at("/systemfile/0")))
                .isEqualTo(Setup.LB.chainPem());
    }

    @Test
    void systemfileByNameIs404WithTheNitroErrorWhenAbsent() {
        ok(n.add("systemfile", upload("lb.crt", "/nsconfig/ssl", Setup.LB.chainPem())));
        Nitro.Resp r = n.get("systemfile/lb.key?args=filelocation:%2Fnsconfig%2Fssl");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body().toString())
                .isEqualTo("{\"errorcode\":258,\"message\":\"No such resource [fileName, lb.key]\",\"severity\":\"ERROR\"}");
        assertThat(n.get("systemfile/lb.crt?args=filelocation:%2Fnsconfig%2Fother").status()).isEqualTo(404);
        assertThat(n.get("systemfile/lb.crt?args=filelocation:%2Fnsconfig%2Fssl,filename:lb.key").status())
                .as("two different names").isEqualTo(400);
        // the folder listing is unchanged: every file, without content
        JsonNode all = n.get("systemfile?args=filelocation:%2Fnsconfig%2Fssl").body().path("systemfile");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).has("filecontent")).isFalse();
    }

    @Test
    void filelocationIsReturnedAsGiven() {
        ok(n.add("systemfile", upload("a.pem", "/nsconfig/ssl", Setup.LB.chainPem())));
        ok(n.add("systemfile", upload("b.pem", "/nsconfig/ssl/", Setup.LB.chainPem())));
        assertThat(n.get("systemfile/a.pem?args=filelocation:%2Fnsconfig%2Fssl%2F").body()
                .at("/systemfile/0/filelocation").asText()).isEqualTo("/nsconfig/ssl");
        assertThat(n.get("systemfile/b.pem?args=filelocation:%2Fnsconfig%2Fssl").body()
                .at("/systemfile/0/filelocation").asText()).isEqualTo("/nsconfig/ssl/");
        // one folder: the same name with the other spelling is the same file
        assertThat(n.add("systemfile", upload("a.pem", "/nsconfig/ssl/", "x")).errorcode()).isEqualTo(1642);
        ok(n.delete("systemfile/a.pem?args=filelocation:%2Fnsconfig%2Fssl%2F"));
        assertThat(n.get("systemfile/a.pem?args=filelocation:%2Fnsconfig%2Fssl").status()).isEqualTo(404);
    }

    @Test
    void sslcertkeyCertAndKeyAreReturnedAsGiven() {
        ok(n.add("systemfile", upload("lb.crt", "/nsconfig/ssl", Setup.LB.chainPem())));
        ok(n.add("systemfile", upload("lb.key", "/nsconfig/ssl", Setup.LB.privateKeyPem())));
        ok(n.add("sslcertkey", Map.of("certkey", "ps-lb", "cert", "lb.crt", "key", "lb.key", "inform", "PEM")));
        ok(n.add("sslcertkey", Map.of("certkey", "ps-lb-full", "cert", "/nsconfig/ssl/lb.crt",
                "key", "/nsconfig/ssl/lb.key")));
        JsonNode bare = n.get("sslcertkey/ps-lb").body().at("/sslcertkey/0");
        assertThat(bare.path("cert").asText()).isEqualTo("lb.crt");
        assertThat(bare.path("key").asText()).isEqualTo("lb.key");
        assertThat(bare.path("subject").asText()).as("the bare name still names the file in /nsconfig/ssl/")
                .contains("CN=patientsecure.hospital.test");
        JsonNode full = n.get("sslcertkey/ps-lb-full").body().at("/sslcertkey/0");
        assertThat(full.path("cert").asText()).isEqualTo("/nsconfig/ssl/lb.crt");
        assertThat(full.path("key").asText()).isEqualTo("/nsconfig/ssl/lb.key");
        // still strict: a name that is no file is refused
        assertThat(n.add("sslcertkey", Map.of("certkey", "ps-x", "cert", "nope.crt")).errorcode()).isEqualTo(1540);
    }

    @Test
    void nsversionCarriesReleaseBuildAndDateAsAnAdcDoes() {
        JsonNode v = n.get("nsversion").body().path("nsversion");
        assertThat(v.path("version").asText())
                .isEqualTo("NetScaler NS14.1: Build 21.48.nc, Date: Jun 17 2024, 10:31:36   (64-bit)")
                .matches("NetScaler NS(\\d+\\.\\d+): Build (\\d+\\.\\d+)\\.nc.*");
        assertThat(v.path("mode").asText()).isEqualTo("1");
        assertThat(v.path("installedversion").isBoolean()).isTrue();
        assertThat(n.get("nsversion?args=installedversion:true").body().at("/nsversion/installedversion").asBoolean())
                .isTrue();
    }
}
