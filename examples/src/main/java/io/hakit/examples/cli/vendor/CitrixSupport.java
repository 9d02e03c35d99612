package io.hakit.examples.cli.vendor;

import io.hakit.citrix.CitrixAdapter;
import io.hakit.citrix.CitrixConfig;
import io.hakit.citrix.CitrixRenderer;
import io.hakit.citrix.sim.CitrixSimulator;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.Deployment;
import io.hakit.model.cert.Pem;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --vendor citrix}: renders the NITRO requests and the equivalent ns CLI batch, opens a
 * {@link CitrixAdapter} for plan / apply / audit, and runs the {@link CitrixSimulator} for
 * {@code hakit simulate citrix}.
 */
public final class CitrixSupport implements VendorSupport {

    /** The CA file {@code hakit simulate citrix --tls} writes into the TLS directory. */
    public static final String SIMULATOR_CA = "simulator-ca.pem";

    @Override
    public String key() {
        return "citrix";
    }

    @Override
    public Map<String, String> render(Deployment deployment) {
        CitrixConfig config = CitrixRenderer.render(deployment);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("nitro-requests.json", config.toNitroRequests());
        files.put("ns-batch.conf", config.toCliBatch());
        for (CitrixConfig.CertificateFile f : config.files()) {
            files.put(f.name(), f.pem());
        }
        return files;
    }

    @Override
    public LoadBalancerAdapter open(Target target) {
        URI url = target.requireUrl(key());
        String user = target.requireUser(key());
        String password = target.requirePassword(key());
        TlsSettings tls = target.ca().map(ca -> TlsSettings.builder().trust(Pem.read(ca)).build())
                .orElse(TlsSettings.defaults());
        CitrixAdapter.Builder b = CitrixAdapter.builder().url(url).credentials(user, password).tls(tls)
                .timeouts(target.connectTimeout(), target.responseTimeout()).allowPlainHttp(target.allowPlainHttp())
                .adopt(target.adopt()).save(target.save());
        target.lbKey().ifPresent(b::lbKey);
        return b.build();
    }

    @Override
    public Optional<RunningSimulator> simulate(SimulatorOptions options) {
        CitrixSimulator.Builder b = CitrixSimulator.builder().credentials(options.user(), options.password())
                .port(options.port());
        if (options.tlsDirectory().isPresent()) {
            Path dir = options.tlsDirectory().get();
            ThrowawayCa ca = ThrowawayCa.create("hakit simulator CA");
            ThrowawayCa.Issued cert = ca.issueServer("127.0.0.1", "localhost");
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve(SIMULATOR_CA), ca.certificatePem());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + dir.resolve(SIMULATOR_CA), e);
            }
            b.tls(cert.chain().certificates().toArray(new X509Certificate[0]), cert.privateKey());
        }
        CitrixSimulator sim = b.start();
        return Optional.of(new RunningSimulator() {
            @Override
            public URI url() {
                return sim.url();
            }

            @Override
            public Optional<Path> caFile() {
                return options.tlsDirectory().map(d -> d.resolve(SIMULATOR_CA));
            }

            @Override
            public void close() {
                sim.close();
            }
        });
    }
}
