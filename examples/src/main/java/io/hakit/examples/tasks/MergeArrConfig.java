package io.hakit.examples.tasks;

import io.hakit.iis.ArrConfigRenderer;
import io.hakit.iis.IisAdapter;
import io.hakit.iis.IisScripts;
import io.hakit.model.Deployment;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.Plan;
import io.hakit.model.topology.TopologyLoader;
import java.nio.file.Path;

/**
 * Task: render the guide's IIS + ARR configuration (farms, rewrite rules, bindings) and merge it into
 * an existing {@code applicationHost.config}, changing nothing else; or print the scripts instead.
 *
 * <pre>java -cp hakit.jar io.hakit.examples.tasks.MergeArrConfig topology.yaml C:\Windows\System32\inetsrv\config\applicationHost.config</pre>
 */
public final class MergeArrConfig {

    private MergeArrConfig() {
    }

    /**
     * @param args the topology, then the {@code applicationHost.config} to merge into
     */
    public static void main(String[] args) {
        Deployment deployment = TopologyLoader.load(Path.of(args[0]));
        System.out.println(ArrConfigRenderer.fragment(deployment).lines().count() + " lines of fragment; "
                + IisScripts.appcmd(deployment).lines().count() + " lines of appcmd");
        try (IisAdapter iis = IisAdapter.builder().config(Path.of(args[1])).build()) {
            Plan plan = iis.plan(deployment);                  // attribute by attribute, defaults counted as set
            ApplyResult result = iis.apply(deployment, plan, ApplyListener.NONE);   // backup, then atomic replace
            System.out.println(result.summary());
            System.out.println("re-plan: " + iis.plan(deployment).changes().size() + " changes");
        }
    }
}
