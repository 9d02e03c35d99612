package io.hakit.examples.cli.vendor;

import io.hakit.f5.F5Adapter;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Renderer;
import io.hakit.f5.sim.F5Simulator;
import io.hakit.model.Deployment;
import io.hakit.test.ThrowawayCa;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --vendor f5}: iControl REST. {@code render} writes the request bodies in transaction order;
 * {@code plan}/{@code apply}/{@code audit} drive an {@link F5Adapter} (one transaction, {@code --dry-run} as a
 * {@code validateOnly} commit); {@code simulate} runs the {@link F5Simulator}.
 */
public final class F5Support implements VendorSupport {

    /** The CA file {@code hakit simulate f5 --tls} writes into the TLS directory. */
    public static final String SIMULATOR_CA = "f5-simulator-ca.pem";

    @Override
    public String key() {
        return "f5";
    }

    @Override
    public Map<String, String> render(Deployment deployment) {
        List<F5Object> objects = F5Renderer.create().render(deployment).objects();
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder order = new StringBuilder();
        order.append("# iControl REST requests, in transaction order. Upload ps-lb.crt, ps-lb.key and ps-trust-ca.crt\n")
                .append("# to /mgmt/shared/file-transfer/uploads/ first; then POST /mgmt/tm/transaction, send each\n")
                .append("# body with X-F5-REST-Coordination-Id, and PATCH the transaction {\"state\":\"VALIDATING\"}.\n");
        int i = 1;
        for (F5Object o : objects) {
            String file = String.format("%02d-%s-%s.json", i++, o.type().key().replace('/', '-'), o.name());
            files.put(file, o.body().toPrettyString() + System.lineSeparator());
            order.append("POST ").append(o.type().collection()).append("  ").append(file).append('\n');
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("00-transaction.txt", order.toString());
        out.putAll(files);
        return out;
    }

    @Override
    public LoadBalancerAdapter open(Target target) {
        F5Adapter.Builder b = F5Adapter.builder()
                .url(target.requireUrl(key()))
                .credentials(target.requireUser(key()), target.requirePassword(key()))
                .timeouts(target.connectTimeout(), target.responseTimeout())
                .allowPlainHttp(target.allowPlainHttp())
                .adopt(target.adopt())
                .save(target.save())
                .validateOnly(target.dryRun());
        target.ca().ifPresent(b::ca);
        target.lbKey().ifPresent(b::lbKey);
        target.syncGroup().ifPresent(b::syncGroup);
        return b.build();
    }

    @Override
    public boolean checksDryRun() {
        return true;
    }

    @Override
    public Optional<RunningSimulator> simulate(SimulatorOptions options) {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        F5Simulator.Builder b = F5Simulator.builder().credentials(options.user(), options.password())
                .port(options.port());
        if (options.tlsDirectory().isPresent()) {
            ThrowawayCa ca = ThrowawayCa.create("hakit F5 simulator CA");
            ThrowawayCa.Issued leaf = ca.issue(s -> s.commonName("127.0.0.1").ipAddresses("127.0.0.1")
                    .dnsNames("localhost"));
            try {
                Path dir = Files.createDirectories(options.tlsDirectory().get());
                Files.writeString(dir.resolve(SIMULATOR_CA), ca.certificatePem());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the simulator's CA to " + options.tlsDirectory().get(), e);
            }
            b.tls(leaf.chain().certificates().toArray(new X509Certificate[0]), leaf.privateKey());
        }
        F5Simulator sim = b.start();
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
