package io.hakit.model.topology;

import static io.hakit.model.Fixtures.APP1_CERT;
import static io.hakit.model.Fixtures.APP2_CERT;
import static io.hakit.model.Fixtures.HOSPITAL_CA;
import static io.hakit.model.Fixtures.LB_CERT;
import static io.hakit.model.Fixtures.NOW;
import static io.hakit.model.Fixtures.PUBLIC_CA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hakit.model.Affinity;
import io.hakit.model.AffinityType;
import io.hakit.model.Deployment;
import io.hakit.model.Environment;
import io.hakit.model.Fixtures;
import io.hakit.model.HealthTest;
import io.hakit.model.Server;
import io.hakit.model.Service;
import io.hakit.model.ServiceType;
import io.hakit.model.StatusCodes;
import io.hakit.model.Vendor;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.Severity;
import io.hakit.model.validate.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopologyLoaderTest {

    @TempDir
    Path dir;

    /** A valid topology; line 8 is the first server, line 11 the first service. */
    static final String HEAD = String.join("\n",
            "name: t",                                   // 1
            "environment: production",                   // 2
            "loadBalancer:",                             // 3
            "  vendor: citrix",                          // 4
            "  fqdn: patientsecure.hospital.org",        // 5
            "  address: 10.20.0.50",                     // 6
            "servers:",                                  // 7
            "  - fqdn: app1.hospital.org",               // 8
            "  - fqdn: app2.hospital.org",               // 9
            "services:") + "\n";                         // 10

    static String pem(CertificateChain chain) {
        StringBuilder b = new StringBuilder();
        for (X509Certificate c : chain.certificates()) {
            try {
                b.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.toString();
    }

    Path write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Path write(String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Deployment load(String yaml) {
        return TopologyLoader.load(write("topology.yaml", yaml));
    }

    /**
     * Loads {@code text} from {@code name} and asserts the one-line message names the file,
     * the line (0 for none), the key, and holds every word.
     */
    TopologyException fails(String name, String text, int line, String key, String... words) {
        Path file = write(name, text);
        return failsOn(file, line, key, words);
    }

    TopologyException fails(String yaml, int line, String key, String... words) {
        return fails("topology.yaml", yaml, line, key, words);
    }

    static TopologyException failsOn(Path file, int line, String key, String... words) {
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(file));
        assertThat(e).as("loading %s", file).isNotNull();
        String m = e.getMessage();
        assertThat(m).doesNotContain("\n").doesNotContain("\r");
        assertThat(e.file()).isEqualTo(file.toString());
        if (line > 0) {
            assertThat(e.line()).as(m).contains(line);
            assertThat(m).startsWith(file + ":" + line + ":");
        } else {
            assertThat(m).startsWith(file + ": ");
        }
        assertThat(e.key()).as(m).isEqualTo(key);
        if (!key.isEmpty()) {
            assertThat(m).contains(": " + key + ": ");
        }
        if (words.length > 0) {
            assertThat(m).contains(words);
        }
        return e;
    }

    // ------------------------------------------------------------------------------------------ bad input

    @Nested
    class TheFile {
        @Test
        void missing() {
            failsOn(dir.resolve("nope.yaml"), 0, "", "no such file");
        }

        @Test
        void aDirectory() throws IOException {
            failsOn(Files.createDirectory(dir.resolve("topo.yaml")), 0, "", "is a directory, not a topology file");
        }

        @Test
        void empty() {
            fails("", 0, "", "is empty");
        }

        @Test
        void whitespaceOnly() {
            fails("  \n\t\n   \n", 0, "", "is empty");
        }

        @Test
        void aYamlDocumentWithNothingInIt() {
            fails("---\n# nothing\n", 0, "", "is empty");
        }

        @Test
        void aJsonNull() {
            fails("t.json", "null", 0, "", "is empty");
        }

        @Test
        void overFourMebibytesIsRefusedWithoutReadingItAll() {
            byte[] big = new byte[TopologyLoader.MAX_FILE_BYTES + 1];
            java.util.Arrays.fill(big, (byte) '#');
            Path file = write("big.yaml", big);
            failsOn(file, 0, "", "is larger than 4 MiB");
        }

        @Test
        void exactlyFourMebibytesIsRead() {
            StringBuilder b = new StringBuilder(HEAD).append("  web-services: {}\n");
            while (b.length() < TopologyLoader.MAX_FILE_BYTES - 1) {
                b.append('#');
            }
            b.setLength(TopologyLoader.MAX_FILE_BYTES - 1);
            b.append('\n');
            assertThat(load(b.toString()).services()).hasSize(1);
        }

        @Test
        void notUtf8() {
            byte[] bytes = (HEAD + "  web-services: {}\nname2: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
            failsOn(write("latin1.yaml", bytes), 0, "", "is not UTF-8 text");
        }

        @Test
        void aListInsteadOfAMapping() {
            fails("- a\n- b\n", 0, "", "expected the file as a mapping of keys, got a list");
        }
    }

    @Nested
    class Syntax {
        @Test
        void malformedYaml() {
            TopologyException e = fails(HEAD + "  web-services: {port: 7002\n  fhir: {}\n", 12, "", "not valid YAML");
            assertThat(e.column()).isPresent();
        }

        @Test
        void badYamlIndentation() {
            fails("name: t\n  environment: production\n", 2, "", "not valid YAML");
        }

        @Test
        void malformedJson() {
            fails("t.json", "{\n  \"name\": \"t\",\n  \"environment\": ,\n}\n", 3, "", "not valid JSON");
        }

        @Test
        void aJsonFileIsReadAsJsonNotYaml() {
            // YAML would take this; JSON does not
            fails("t.json", "name: t\n", 1, "", "not valid JSON");
        }

        @Test
        void duplicateTopLevelKey() {
            fails("name: a\nname: b\n", 2, "", "not valid YAML", "Duplicate field 'name'");
        }

        @Test
        void duplicateNestedKey() {
            fails(HEAD + "  web-services: {}\n  web-services: {}\n", 12, "", "Duplicate field 'web-services'");
        }

        @Test
        void duplicateJsonKey() {
            fails("t.json", "{\"name\": \"a\",\n \"name\": \"b\"}", 2, "", "not valid JSON", "Duplicate field 'name'");
        }
    }

    @Nested
    class Keys {
        @Test
        void unknownTopLevelKeySuggestsTheClosest() {
            fails(HEAD.replace("loadBalancer:", "loadBalncer:"), 3, "loadBalncer",
                    "unknown top-level key; did you mean 'loadBalancer'?");
        }

        @Test
        void unknownTopLevelKeyFarFromAnyListsTheValidOnes() {
            fails("zzzzzzzz: 1\n" + HEAD, 1, "zzzzzzzz", "unknown top-level key; valid keys here:", "loadBalancer",
                    "services");
        }

        @Test
        void unknownLoadBalancerKey() {
            fails(HEAD.replace("  address:", "  adress:"), 6, "loadBalancer.adress",
                    "unknown key; did you mean 'address'?");
        }

        @Test
        void unknownServerKey() {
            fails(HEAD.replace("  - fqdn: app2", "  - fdqn: app2"), 9, "servers[1].fdqn",
                    "unknown key; did you mean 'fqdn'?");
        }

        @Test
        void unknownService() {
            fails(HEAD + "  web-service: {}\n", 11, "services.web-service",
                    "unknown service; did you mean 'web-services'?");
        }

        @Test
        void unknownServiceFarFromAnyListsTheCatalog() {
            fails(HEAD + "  pacs-gateway: {}\n", 11, "services.pacs-gateway", "unknown service; the catalog has",
                    "identity-server", "empi");
        }

        @Test
        void unknownServiceKey() {
            fails(HEAD + "  fhir:\n    prot: 7008\n", 12, "services.fhir.prot", "unknown key; did you mean 'port'?");
        }

        @Test
        void unknownHealthCheckKey() {
            fails(HEAD + "  fhir:\n    healthCheck:\n      intervall: 10s\n", 13, "services.fhir.healthCheck.intervall",
                    "unknown key; did you mean 'interval'?");
        }

        @Test
        void unknownAffinityKey() {
            fails(HEAD + "  web-services:\n    affinity: {type: cookie, timout: 5m}\n", 12,
                    "services.web-services.affinity.timout", "unknown key; did you mean 'timeout'?");
        }

        @Test
        void unknownTrustKey() {
            fails(HEAD.replace("services:", "trust:\n  cas: ca.pem\nservices:"), 11, "trust.cas",
                    "unknown key; did you mean 'ca'?");
        }

        @Test
        void missingLoadBalancer() {
            fails("name: t\nservers: []\nservices: {}\n", 0, "", "loadBalancer is missing");
        }

        @Test
        void missingVendor() {
            fails(HEAD.replace("  vendor: citrix\n", "") + "  web-services: {}\n", 3, "loadBalancer",
                    "vendor is missing");
        }

        @Test
        void missingServices() {
            fails(HEAD.replace("services:\n", ""), 0, "", "services is missing");
        }
    }

    @Nested
    class Types {
        @Test
        void textForAPort() {
            fails(HEAD + "  fhir:\n    port: http\n", 12, "services.fhir.port", "expected a port number, got 'http'");
        }

        @Test
        void aListForTheLoadBalancer() {
            fails("loadBalancer:\n  - vendor: f5\n", 1, "loadBalancer",
                    "expected loadBalancer as a mapping of keys, got a list");
        }

        @Test
        void aMappingForServers() {
            fails(HEAD.replace("  - fqdn: app1.hospital.org\n  - fqdn: app2.hospital.org\n",
                    "  app1: app1.hospital.org\n"), 7, "servers", "expected a list of servers, got a mapping");
        }

        @Test
        void aNumberForADuration() {
            fails(HEAD + "  fhir:\n    healthCheck: {interval: 30}\n", 12, "services.fhir.healthCheck.interval",
                    "expected a duration like 30s, 10m or PT30S, got 30 (add a unit: 30s)");
        }

        @Test
        void aListForAServicesSettings() {
            fails(HEAD + "  fhir: [7008]\n", 11, "services.fhir", "expected service settings", "got a list");
        }

        @Test
        void textForEnabled() {
            fails(HEAD + "  fhir: {enabled: maybe}\n", 11, "services.fhir.enabled",
                    "expected true or false, got 'maybe'");
        }

        @Test
        void aMappingForAFqdn() {
            fails(HEAD.replace("fqdn: patientsecure.hospital.org", "fqdn: {name: x}"), 5, "loadBalancer.fqdn",
                    "expected text, got a mapping");
        }

        @Test
        void aMappingForAServiceServerName() {
            fails(HEAD + "  fhir:\n    servers: [app1.hospital.org, {fqdn: x}]\n", 12, "services.fhir.servers[1]",
                    "expected a server FQDN, got a mapping");
        }

        @Test
        void aMappingForStatusCodes() {
            fails(HEAD + "  fhir:\n    healthCheck: {statusCodes: {from: 200}}\n", 12,
                    "services.fhir.healthCheck.statusCodes", "expected status codes like 200-399 or [200, 302]");
        }
    }

    @Nested
    class Values {
        @ParameterizedTest
        @ValueSource(strings = {"0", "70000", "-1", "99999999999"})
        void portsOutOfRange(String port) {
            fails(HEAD + "  fhir:\n    port: " + port + "\n", 12, "services.fhir.port",
                    "port " + port + " is out of range; ports are 1-65535");
        }

        @Test
        void aSecondPortOutOfRange() {
            fails(HEAD + "  emergency-search:\n    ports: [7005, 65536]\n", 12,
                    "services.emergency-search.ports[1]", "port 65536 is out of range");
        }

        @Test
        void bothPortAndPorts() {
            fails(HEAD + "  emergency-search:\n    port: 7005\n    ports: [7005, 7006]\n", 13,
                    "services.emergency-search.ports", "give either port or ports, not both");
        }

        @Test
        void twoPortsForAOnePortService() {
            fails(HEAD + "  fhir:\n    ports: [7008, 7018]\n", 12, "services.fhir.ports",
                    "fhir has one port; use port");
        }

        @Test
        void threePorts() {
            fails(HEAD + "  emergency-search:\n    ports: [1, 2, 3]\n", 12, "services.emergency-search.ports",
                    "expected one or two ports, got 3");
        }

        @Test
        void invalidEnvironment() {
            fails(HEAD.replace("production", "staging"), 2, "environment",
                    "environment 'staging' is not one of production, non-production");
        }

        @Test
        void invalidVendor() {
            fails(HEAD.replace("vendor: citrix", "vendor: nginx"), 4, "loadBalancer.vendor",
                    "vendor 'nginx' is not one of iis, citrix, f5");
        }

        @Test
        void invalidAffinityType() {
            fails(HEAD + "  web-services:\n    affinity: {type: sticky}\n", 12, "services.web-services.affinity.type",
                    "affinity type 'sticky' is not one of cookie, source-ip, none");
        }

        @Test
        void affinityWithoutAType() {
            fails(HEAD + "  web-services:\n    affinity: {timeout: 10m}\n", 12, "services.web-services.affinity",
                    "type is missing");
        }

        @ParameterizedTest
        @ValueSource(strings = {"'30'", "thirty seconds", "-5s", "1.5s", "PT", "0s", "PT-5S"})
        void badDurations(String value) {
            TopologyException e = fails(HEAD + "  fhir:\n    healthCheck:\n      timeout: " + value + "\n", 13,
                    "services.fhir.healthCheck.timeout");
            assertThat(e.getMessage()).containsAnyOf("is not understood", "must be positive");
        }

        @Test
        void aDurationTooLargeForJava() {
            fails(HEAD + "  fhir:\n    healthCheck:\n      interval: 999999999999999d\n", 13,
                    "services.fhir.healthCheck.interval", "too large");
        }

        @Test
        void negativeMinServers() {
            fails(HEAD + "  fhir:\n    healthCheck: {minServers: -1}\n", 12, "services.fhir.healthCheck.minServers",
                    "expected a whole number of servers (0 or more), got -1");
        }

        @Test
        void fractionalMinServers() {
            fails(HEAD + "  fhir:\n    healthCheck: {minServers: 1.5}\n", 12, "services.fhir.healthCheck.minServers",
                    "got 1.5");
        }

        @Test
        void aHealthCheckPathWithoutALeadingSlash() {
            fails(HEAD + "  fhir:\n    healthCheck: {path: api/status}\n", 12, "services.fhir.healthCheck.path",
                    "'api/status' must start with '/'");
        }

        @Test
        void aHealthCheckOnHl7() {
            fails(HEAD + "  hl7:\n    healthCheck: {path: /}\n", 12, "services.hl7.healthCheck",
                    "hl7 is checked over TCP", "takes no HTTP health check");
        }

        @Test
        void anEmptyFqdn() {
            fails(HEAD.replace("fqdn: patientsecure.hospital.org", "fqdn: ''"), 5, "loadBalancer.fqdn", "is empty");
        }
    }

    @Nested
    class Certificates {
        @Test
        void missingCertificateFile() {
            TopologyException e = fails(HEAD.replace("  address: 10.20.0.50", "  address: 10.20.0.50\n"
                    + "  certificate: certs/missing.pem"), 7, "loadBalancer.certificate", "certs/missing.pem",
                    "does not exist");
            assertThat(e).hasCauseInstanceOf(io.hakit.model.cert.PemException.class);
        }

        @Test
        void aDirectoryAsCertificate() throws IOException {
            Files.createDirectories(dir.resolve("certs/lb.pem"));
            fails(HEAD.replace("  address: 10.20.0.50", "  address: 10.20.0.50\n  certificate: certs/lb.pem"), 7,
                    "loadBalancer.certificate", "is a directory, not a PEM file");
        }

        @Test
        void aPemWithNoCertificate() {
            write("certs/empty.pem", "just some notes, no PEM here\n");
            fails(HEAD.replace("  - fqdn: app1.hospital.org", "  - fqdn: app1.hospital.org\n"
                    + "    certificate: certs/empty.pem"), 9, "servers[0].certificate", "holds no certificate",
                    "-----BEGIN CERTIFICATE-----");
        }

        @Test
        void aPemHoldingOnlyAPublicKeyHasNoCertificate() throws Exception {
            var kp = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
            write("certs/key.pem", "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(kp.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            fails(HEAD.replace("services:", "trust:\n  ca: certs/key.pem\nservices:"), 11, "trust.ca",
                    "holds no certificate");
        }

        @Test
        void garbagePem() {
            write("certs/bad.pem", "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
            fails(HEAD.replace("services:", "trust:\n  ca: certs/bad.pem\nservices:"), 11, "trust.ca",
                    "certs/bad.pem is not a valid PEM file");
        }

        @Test
        void anExpiredChainIsAFindingNotAnException() {
            CertificateChain expired = Fixtures.leaf(PUBLIC_CA, s -> s.commonName("patientsecure.hospital.org")
                    .dnsNames("patientsecure.hospital.org")
                    .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35))));
            write("certs/lb.pem", pem(expired));
            Deployment d = load(HEAD.replace("  address: 10.20.0.50", "  address: 10.20.0.50\n"
                    + "  certificate: certs/lb.pem") + "  web-services: {}\n");
            List<Finding> tls006 = Fixtures.validate(d).byRule("TLS-006");
            assertThat(tls006).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.path()).isEqualTo("loadBalancer.certificate");
                assertThat(f.message()).contains("has expired");
            });
        }
    }

    // ------------------------------------------------------------------------------------------ findings

    @Test
    void duplicateServersLoadAndAreReportedAsTop002() {
        Deployment d = load(HEAD.replace("app2.hospital.org", "app1.hospital.org") + "  web-services: {}\n");
        assertThat(d.servers()).extracting(Server::fqdn).containsExactly("app1.hospital.org", "app1.hospital.org");
        assertThat(Fixtures.validate(d).byRule("TOP-002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.path()).isEqualTo("servers[1].fqdn");
            assertThat(f.message()).contains("listed twice");
        });
    }

    @Test
    void malformedStatusCodesAreAnHc004FindingNotAnException() {
        Deployment d = load(HEAD + "  web-services:\n    healthCheck: {statusCodes: 399-200}\n"
                + "  fhir:\n    healthCheck: {statusCodes: [200, 7xx]}\n");
        ValidationReport report = Fixtures.validate(d);
        assertThat(report.byRule("HC-004")).extracting(Finding::severity, Finding::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR,
                                "services.web-services.healthCheck.statusCodes"),
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "services.fhir.healthCheck.statusCodes"));
        assertThat(report.byRule("HC-004").get(0).message()).contains("'399-200'", "runs backwards");
        assertThat(report.byRule("HC-004").get(1).message()).contains("'7xx' is not a code or a range");
        assertThat(report.byRule("HC-004").get(0).hint()).contains("the catalog's 200-302 is used until then");
        // until then the catalog's codes are in force
        assertThat(d.service("web-services").get().healthTest().get().statusCodes())
                .isEqualTo(StatusCodes.parse("200-302"));
    }

    @Test
    void wellFormedStatusCodesDrawNoHc004() {
        Deployment d = load(HEAD + "  web-services:\n    healthCheck: {statusCodes: '200,302'}\n"
                + "  fhir:\n    healthCheck: {statusCodes: [200, 300-399]}\n");
        assertThat(Fixtures.validate(d).byRule("HC-004")).isEmpty();
        assertThat(d.service("web-services").get().healthTest().get().statusCodes().codes()).containsExactly(200, 302);
        assertThat(d.service("fhir").get().healthTest().get().statusCodes().toString()).isEqualTo("200,300-399");
    }

    // ------------------------------------------------------------------------------------------ good input

    @Test
    void yamlAliasIsRefusedNamingFileLineAndAliasInsteadOfReadAsText() {
        String yaml = String.join("\n",
                "name: t",                                   // 1
                "loadBalancer:",                             // 2
                "  vendor: citrix",                          // 3
                "  fqdn: patientsecure.hospital.org",        // 4
                "servers:",                                  // 5
                "  - &s0 app1.hospital.org",                 // 6
                "  - app2.hospital.org",                     // 7
                "  - *s0",                                   // 8
                "services:",                                 // 9
                "  web-services: {}", "");

        TopologyException e = fails(yaml, 8, "servers[2]", "YAML alias '*s0' is not supported", "write the value out");
        assertThat(e.getMessage()).doesNotContain("Exception");
    }

    @Test
    void yamlMergeKeyIsRefusedAsAnAlias() {
        String yaml = HEAD + String.join("\n",
                "  web-services: &ws { port: 7001 }",       // 11
                "  fhir:",                                   // 12
                "    <<: *ws",                               // 13
                "");

        fails(yaml, 13, "services.fhir.<<", "YAML alias '*ws'");
    }

    @Test
    void anAnchorAloneChangesNothing() {
        Deployment d = load(HEAD + "  web-services: &ws { port: 7001 }\n");

        assertThat(d.services()).hasSize(1);
        assertThat(d.services().get(0).ports()).containsExactly(7001);
    }

    static final String FULL_YAML = String.join("\n",
            "name: example",
            "environment: production",
            "loadBalancer:",
            "  vendor: f5",
            "  fqdn: patientsecure.hospital.org",
            "  address: 10.20.0.50",
            "  hl7Fqdn: patientsecurehl7.hospital.org",
            "  hl7Address: 10.20.0.51",
            "  certificate: certs/lb.pem",
            "serverConsole: lb",
            "servers:",
            "  - fqdn: app1.hospital.org",
            "    certificate: certs/app1.pem",
            "  - app2.hospital.org",
            "trust:",
            "  ca: certs/ca.pem",
            "services:",
            "  identity-server: {}",
            "  web-services:",
            "    url: https://patientsecure.hospital.org:7002/psws/api",
            "    healthCheck: {interval: 10s, timeout: 5s, responseMatch: Success}",
            "  user-interface:",
            "  emergency-search: {ports: [7005, 7006], lbPorts: [7005, 7006]}",
            "  hl7: {servers: [app1.hospital.org, app2.hospital.org]}",
            "  fhir: {port: 7008, affinity: {type: source-ip, timeout: 20m}}",
            "  empi: {enabled: false}",
            "");

    static final String FULL_JSON = """
            {
              "name": "example",
              "environment": "production",
              "loadBalancer": {
                "vendor": "f5", "fqdn": "patientsecure.hospital.org", "address": "10.20.0.50",
                "hl7Fqdn": "patientsecurehl7.hospital.org", "hl7Address": "10.20.0.51",
                "certificate": "certs/lb.pem"
              },
              "serverConsole": "lb",
              "servers": [ {"fqdn": "app1.hospital.org", "certificate": "certs/app1.pem"}, "app2.hospital.org" ],
              "trust": {"ca": "certs/ca.pem"},
              "services": {
                "identity-server": {},
                "web-services": {
                  "url": "https://patientsecure.hospital.org:7002/psws/api",
                  "healthCheck": {"interval": "10s", "timeout": "5s", "responseMatch": "Success"}
                },
                "user-interface": null,
                "emergency-search": {"ports": [7005, 7006], "lbPorts": [7005, 7006]},
                "hl7": {"servers": ["app1.hospital.org", "app2.hospital.org"]},
                "fhir": {"port": 7008, "affinity": {"type": "source-ip", "timeout": "20m"}},
                "empi": {"enabled": false}
              }
            }
            """;

    void writeCerts(String under) {
        write(under + "certs/lb.pem", pem(LB_CERT));
        write(under + "certs/app1.pem", pem(APP1_CERT));
        write(under + "certs/ca.pem", pem(HOSPITAL_CA.chain()));
    }

    @Test
    void yamlAndJsonOfOneTopologyLoadToEqualDeployments() {
        writeCerts("");
        Deployment y = TopologyLoader.load(write("t.yaml", FULL_YAML));
        Deployment j = TopologyLoader.load(write("t.json", FULL_JSON));
        assertThat(j).isEqualTo(y).hasSameHashCodeAs(y);
        assertThat(j.name()).isEqualTo(y.name()).isEqualTo("example");
        assertThat(j.environment()).isEqualTo(y.environment()).contains(Environment.PRODUCTION);
        assertThat(j.loadBalancer()).isEqualTo(y.loadBalancer());
        assertThat(j.serverConsole()).isEqualTo(y.serverConsole());
        assertThat(j.servers()).isEqualTo(y.servers());
        assertThat(j.trustCa()).isEqualTo(y.trustCa());
        assertThat(j.services()).isEqualTo(y.services());
        assertThat(j.loadFindings()).isEqualTo(y.loadFindings()).isEmpty();
        assertThat(j.source()).contains(dir.resolve("t.json").toString());

        assertThat(y.loadBalancer().certificate()).contains(LB_CERT);
        assertThat(y.servers().get(0).certificate()).contains(APP1_CERT);
        assertThat(y.servers().get(1).certificate()).isEmpty();
        assertThat(y.trustCa().get().certificates()).containsExactly(HOSPITAL_CA.certificate());
        HealthTest web = y.service("web-services").get().healthTest().get();
        assertThat(web.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(web.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(web.path()).isEqualTo("/psws/api/public/status");
        assertThat(web.responseMatch()).contains("Success");
        assertThat(y.service("fhir").get().affinity())
                .contains(new Affinity(AffinityType.SOURCE_IP, Duration.ofMinutes(20)));
        assertThat(y.service("empi").get().enabled()).isFalse();
        assertThat(y.service("hl7").get().servers()).containsExactly("app1.hospital.org", "app2.hospital.org");
    }

    @ParameterizedTest
    @MethodSource("durations")
    void durationForms(String text, Duration expected) {
        Deployment d = load(HEAD + "  fhir:\n    healthCheck: {interval: " + text + ", timeout: 100ms}\n");
        assertThat(d.service("fhir").get().healthTest().get().interval()).isEqualTo(expected);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> durations() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("30s", Duration.ofSeconds(30)),
                org.junit.jupiter.params.provider.Arguments.of("10m", Duration.ofMinutes(10)),
                org.junit.jupiter.params.provider.Arguments.of("500ms", Duration.ofMillis(500)),
                org.junit.jupiter.params.provider.Arguments.of("PT30S", Duration.ofSeconds(30)),
                org.junit.jupiter.params.provider.Arguments.of("pt1m30s", Duration.ofSeconds(90)),
                org.junit.jupiter.params.provider.Arguments.of("2h", Duration.ofHours(2)));
    }

    @Test
    void emptyAndNullServicesTakeEveryCatalogDefault() {
        Deployment d = load(HEAD + "  web-services: {}\n  fhir:\n  emergency-search: ~\n");
        assertThat(d.services()).containsExactly(Service.of(ServiceType.WEB_SERVICES), Service.of(ServiceType.FHIR),
                Service.of(ServiceType.EMERGENCY_SEARCH));
        assertThat(d.environment()).contains(Environment.PRODUCTION);
        assertThat(d.vendor()).isEqualTo(Vendor.CITRIX);
        assertThat(d.serverConsole()).isEqualTo(Deployment.SERVER_CONSOLE_ON_LB);
        assertThat(d.trustCa()).isEmpty();
    }

    @Test
    void aServiceCanBeSwitchedOff() {
        Deployment d = load(HEAD + "  web-services: {}\n  empi: {enabled: false}\n");
        assertThat(d.service("empi").get().enabled()).isFalse();
        assertThat(d.enabledServices()).extracting(Service::name).containsExactly("web-services");
        assertThat(d.farms()).extracting(f -> f.service()).containsExactly("web-services");
    }

    @Test
    void theNameDefaultsToTheFileStem() {
        Deployment d = TopologyLoader.load(write("east-wing.yaml", HEAD.replace("name: t\n", "")
                + "  web-services: {}\n"));
        assertThat(d.name()).isEqualTo("east-wing");
    }

    @Test
    void relativeCertificatePathsResolveAgainstTheFilesDirectory() {
        writeCerts("site/");
        Path file = write("site/topology.yaml", FULL_YAML);
        // loaded from elsewhere: the working directory does not matter
        Deployment d = TopologyLoader.load(file);
        assertThat(d.loadBalancer().certificate()).contains(LB_CERT);
        assertThat(d.loadBalancer().certificate().get().source()).isEqualTo(dir.resolve("site/certs/lb.pem")
                .toAbsolutePath().toString());
    }

    @Test
    void parseTakesTextAndABaseDirectory() {
        writeCerts("");
        Deployment d = TopologyLoader.parse(FULL_JSON, TopologyLoader.Format.JSON, "inline", dir);
        assertThat(d.source()).contains("inline");
        assertThat(d.trustCa()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reference-citrix.yaml", "reference-f5.yaml", "reference-iis.yaml", "reference-iis.json",
        "non-production.yaml"})
    void everyReferenceTopologyLoadsAndValidatesWithNoErrors(String name) {
        Path file = Path.of("../examples/topologies", name);
        assertThat(file).exists();
        ValidationReport report = io.hakit.model.validate.Validator.standard().validate(TopologyLoader.load(file));
        assertThat(report.findings(Severity.ERROR)).as("%s", report.findings()).isEmpty();
    }

    @Test
    void theReferenceTopologiesDirectoryHoldsNoOtherTopology() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../examples/topologies"))) {
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("reference-citrix.yaml", "reference-f5.yaml", "reference-iis.yaml",
                            "reference-iis.json", "non-production.yaml");
        }
    }
}
