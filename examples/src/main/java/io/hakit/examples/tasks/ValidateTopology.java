package io.hakit.examples.tasks;

import io.hakit.model.Deployment;
import io.hakit.model.ProductUrl;
import io.hakit.model.topology.TopologyLoader;
import io.hakit.model.validate.Finding;
import io.hakit.model.validate.ValidationReport;
import io.hakit.model.validate.Validator;
import java.nio.file.Path;

/**
 * Task: validate a topology and read what the load balancer and the product must be given.
 *
 * <pre>java -cp hakit.jar io.hakit.examples.tasks.ValidateTopology examples/topologies/reference-f5.yaml</pre>
 */
public final class ValidateTopology {

    private ValidateTopology() {
    }

    /**
     * @param args the topology file (default: the Citrix reference topology)
     */
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/topologies/reference-citrix.yaml");
        Deployment deployment = TopologyLoader.load(file);   // throws TopologyException naming file:line:col
        ValidationReport report = Validator.standard().validate(deployment);   // never throws

        for (Finding f : report.findings()) {
            System.out.println(f.severity() + " " + f.rule() + " at " + f.path() + ": " + f.message());
        }
        deployment.farms().forEach(farm -> System.out.println("farm " + farm.name() + " -> " + farm.members()));
        deployment.vips().forEach(vip -> System.out.println("vip " + vip.fqdn() + ":" + vip.port()));
        for (ProductUrl url : deployment.productUrls()) {
            System.out.println("configure " + url.label() + " = " + url.url());
        }
        System.out.println(report.isValid() ? "valid" : report.errors() + " error(s)");
    }
}
