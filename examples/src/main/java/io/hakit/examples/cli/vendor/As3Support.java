package io.hakit.examples.cli.vendor;

import io.hakit.f5.as3.As3Renderer;
import io.hakit.model.Deployment;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.util.Map;

/** {@code --vendor as3}: the deployment as one AS3 declaration; render only. */
public final class As3Support implements VendorSupport {

    @Override
    public String key() {
        return "as3";
    }

    @Override
    public Map<String, String> render(Deployment deployment) {
        return Map.of("as3-declaration.json", As3Renderer.create().render(deployment).toPrettyString()
                + System.lineSeparator());
    }

    @Override
    public LoadBalancerAdapter open(Target target) {
        throw new UnsupportedOperationException("as3 only renders; use --vendor f5 to plan and apply");
    }
}
