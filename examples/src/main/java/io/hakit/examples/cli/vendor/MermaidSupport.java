package io.hakit.examples.cli.vendor;

import io.hakit.model.Deployment;
import io.hakit.model.TopologyDiagram;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.util.Map;

/** {@code --vendor mermaid}: a picture of the topology as a Mermaid flowchart; render only. */
public final class MermaidSupport implements VendorSupport {

    @Override
    public String key() {
        return "mermaid";
    }

    @Override
    public Map<String, String> render(Deployment deployment) {
        return Map.of("topology.mmd", TopologyDiagram.mermaid(deployment));
    }

    @Override
    public LoadBalancerAdapter open(Target target) {
        throw new UnsupportedOperationException("mermaid only renders a picture; plan and apply need --vendor iis, citrix or f5");
    }
}
