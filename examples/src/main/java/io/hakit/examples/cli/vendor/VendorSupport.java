package io.hakit.examples.cli.vendor;

import io.hakit.model.Deployment;
import io.hakit.model.plan.LoadBalancerAdapter;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line needs of one vendor: the files {@code hakit render} writes, an adapter for
 * {@code plan}, {@code apply} and {@code audit}, and, where the vendor has one, a simulator for
 * {@code hakit simulate}. One implementation per vendor key, listed in {@link Vendors}.
 */
public interface VendorSupport {

    /** @return the {@code --vendor} key, e.g. {@code citrix}, {@code f5}, {@code as3}, {@code iis} */
    String key();

    /**
     * The vendor configuration the deployment needs, as files.
     *
     * @param deployment a validated deployment
     * @return file name (relative, no directories) to content, in the order to list them
     */
    Map<String, String> render(Deployment deployment);

    /**
     * Opens the device (or file) named by the options. Fails fast with a one-line message when an
     * option the vendor needs is missing.
     *
     * @param target where and how to connect
     * @return the adapter; the caller closes it
     * @throws IllegalArgumentException naming the missing or bad option
     * @throws UnsupportedOperationException when the vendor key only renders (e.g. {@code as3})
     */
    LoadBalancerAdapter open(Target target);

    /**
     * @return whether {@code apply --dry-run} can check the plan on the device without changing it
     *     (F5's {@code validateOnly} transaction); when false, a dry run only prints the plan and the
     *     adapter is never asked to apply
     */
    default boolean checksDryRun() {
        return false;
    }

    /**
     * Starts this vendor's simulator, when it has one.
     *
     * @param options port, credentials, TLS
     * @return the running simulator, or empty when the vendor has none
     */
    default Optional<RunningSimulator> simulate(SimulatorOptions options) {
        return Optional.empty();
    }
}
