package io.hakit.examples.tasks;

import io.hakit.f5.F5Adapter;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Change;
import io.hakit.model.plan.Plan;
import io.hakit.model.topology.TopologyLoader;
import java.net.URI;
import java.nio.file.Path;

/**
 * Task: converge a BIG-IP to a topology in one iControl REST transaction (all or nothing), save
 * the configuration, and show that a second run writes nothing.
 *
 * <pre>F5_PASSWORD=... java -cp hakit.jar io.hakit.examples.tasks.ConvergeBigIp https://bigip.hospital.org admin topology.yaml lb-key.pem</pre>
 */
public final class ConvergeBigIp {

    private ConvergeBigIp() {
    }

    /**
     * @param args the management URL, the user, the topology, the load-balancer certificate's key PEM;
     *     the password comes from the environment variable {@code F5_PASSWORD}
     */
    public static void main(String[] args) {
        converge(URI.create(args[0]), args[1], System.getenv("F5_PASSWORD"), Path.of(args[2]), Path.of(args[3]));
    }

    /**
     * @param url the management URL
     * @param user the user
     * @param password the password
     * @param topology the topology file
     * @param lbKey the load-balancer certificate's private key PEM
     */
    public static void converge(URI url, String user, String password, Path topology, Path lbKey) {
        Deployment deployment = TopologyLoader.load(topology);
        try (F5Adapter bigip = F5Adapter.builder().url(url)
                .credentials(user, password)
                .lbKey(lbKey)                       // uploaded with the certificate if the device lacks it
                .save(true)
                .build()) {
            Plan plan = bigip.plan(deployment);
            System.out.print(plan.toText());
            if (!plan.isApplicable()) {
                return;                             // foreign objects in the way: rename them, or adopt(true)
            }
            ApplyResult result = bigip.apply(deployment, plan, new ApplyListener() {
                @Override
                public void starting(Change change, int index, int total) {
                    System.out.println("[" + (index + 1) + "/" + total + "] " + change);
                }
            });
            System.out.println(result.summary());
            System.out.println("second plan: " + bigip.plan(deployment).changes().size() + " changes");
        }
    }
}
