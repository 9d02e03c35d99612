package io.hakit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.hakit.model.Vendor;
import io.hakit.model.cert.CertificateChain;
import io.hakit.model.cert.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThrowawayDeploymentTest {

    @Test
    void writesTheReferenceWithCertificatesFromOneThrowawayCa(@TempDir Path dir) throws IOException {
        ThrowawayDeployment d = ThrowawayDeployment.write(Vendor.F5, dir);

        assertThat(d.deployment().loadBalancer().vendor()).isEqualTo(Vendor.F5);
        assertThat(d.topologyFile()).isEqualTo(dir.resolve("topology.yaml"));
        assertThat(Files.readString(d.lbKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        CertificateChain lb = Pem.read(dir.resolve("certs/lb.pem"));
        assertThat(lb.certificates().get(0)).isEqualTo(d.lb().certificate());
        assertThat(lb.certificates().get(0).getIssuerX500Principal()).isEqualTo(d.ca().certificate().getSubjectX500Principal());
        assertThat(d.deployment().loadBalancer().certificate().orElseThrow().certificates().get(0)).isEqualTo(d.lb().certificate());
    }

    @Test
    void rewriteKeepsTheCaAndCertificates(@TempDir Path a, @TempDir Path b) {
        ThrowawayDeployment first = ThrowawayDeployment.write(Vendor.CITRIX, a);
        ThrowawayDeployment second = first.rewrite(ReferenceTopologies.yaml(Vendor.CITRIX).replace("example-hospital",
                "other-hospital"), b);
        assertThat(second.ca()).isSameAs(first.ca());
        assertThat(second.lb()).isSameAs(first.lb());
        assertThat(second.deployment().name()).isEqualTo("other-hospital");
    }
}
