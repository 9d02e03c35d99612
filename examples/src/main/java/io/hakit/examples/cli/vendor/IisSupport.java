package io.hakit.examples.cli.vendor;

import io.hakit.iis.ArrConfigRenderer;
import io.hakit.iis.IisAdapter;
import io.hakit.iis.IisScripts;
import io.hakit.model.Deployment;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --vendor iis}: IIS + Application Request Routing. {@code render} writes the
 * applicationHost.config fragment, the appcmd and PowerShell scripts, the certificate scripts
 * (netsh sslcert bindings, the trust CA into LocalMachine\Root) and the trust CA itself;
 * {@code plan}, {@code apply} and {@code audit} work on the file named by {@code --config}.
 * There is no simulator: the file is the device.
 */
public final class IisSupport implements VendorSupport {

    @Override
    public String key() {
        return "iis";
    }

    @Override
    public Map<String, String> render(Deployment deployment) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("applicationHost.fragment.config", ArrConfigRenderer.fragment(deployment));
        files.put("arr-appcmd.cmd", IisScripts.appcmd(deployment));
        files.put("arr-webadministration.ps1", IisScripts.powerShell(deployment));
        files.put("certificates.cmd", IisScripts.certificatesCmd(deployment));
        files.put("certificates.ps1", IisScripts.certificatesPowerShell(deployment));
        files.putAll(IisScripts.trustCaFiles(deployment));
        return files;
    }

    @Override
    public LoadBalancerAdapter open(Target target) {
        return IisAdapter.builder().config(target.requireConfig(key())).build();
    }
}
