package io.hakit.examples.tasks;

import io.hakit.citrix.CitrixAdapter;
import io.hakit.model.tls.TlsSettings;
import io.hakit.model.Deployment;
import io.hakit.model.cert.Pem;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Plan;
import io.hakit.model.topology.TopologyLoader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Task: converge a Citrix ADC to a topology through NITRO, all or nothing (on a failure everything
 * this run did is undone), save the configuration, and show that a second run writes nothing.
 *
 * <pre>ADC_PASSWORD=... java -cp hakit.jar io.hakit.examples.tasks.ConvergeCitrixAdc https://adc.hospital.org nsroot topology.yaml lb-key.pem [mgmt-ca.pem]</pre>
 */
public final class ConvergeCitrixAdc {

    private ConvergeCitrixAdc() {
    }

    /**
     * @param args the management URL, the user, the topology, the LB certificate's key PEM, and optionally
     *     the CA that signed the ADC's management certificate; the password comes from {@code ADC_PASSWORD}
     */
    public static void main(String[] args) {
        converge(URI.create(args[0]), args[1], System.getenv("ADC_PASSWORD"), Path.of(args[2]), Path.of(args[3]),
                args.length > 4 ? Optional.of(Path.of(args[4])) : Optional.empty());
    }

    /**
     * @param url the management URL
     * @param user the user
     * @param password the password
     * @param topology the topology file
     * @param lbKey the load-balancer certificate's private key PEM
     * @param managementCa the CA of the ADC's management certificate (platform trust otherwise)
     */
    public static void converge(URI url, String user, String password, Path topology, Path lbKey,
            Optional<Path> managementCa) {
        Deployment deployment = TopologyLoader.load(topology);
        TlsSettings tls = managementCa.map(ca -> TlsSettings.builder().trust(Pem.read(ca)).build())
                .orElse(TlsSettings.defaults());
        try (CitrixAdapter adc = CitrixAdapter.builder().url(url).credentials(user, password).tls(tls)
                .lbKey(lbKey).save(true).build()) {
            Plan plan = adc.plan(deployment);
            System.out.print(plan.toText());
            if (!plan.isApplicable()) {
                return;                             // foreign objects in the way: rename them, or adopt(true)
            }
            ApplyResult result = adc.apply(deployment, plan, new ApplyListener() {
                @Override
                public void rollingBack(Change change) {
                    System.out.println("undo " + change);
                }
            });
            System.out.println(result.summary());
            System.out.println("second plan: " + adc.plan(deployment).changes().size() + " changes");
        }
    }
}
