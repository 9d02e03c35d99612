package io.hakit.model.plan;

import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.validate.AuditReport;
import java.util.Optional;

/**
 * One load balancer, as every adapter (IIS/ARR, Citrix ADC, F5 BIG-IP) exposes it: read what is
 * there, plan the changes a deployment needs, apply them all or nothing, and audit what is
 * configured by the guide's rules. The command line drives every vendor through this interface.
 *
 * <p>Options that differ by vendor (credentials, {@code --adopt}, the load balancer's key, saving,
 * config sync, the file to merge into) are given to the adapter's builder.
 */
public interface LoadBalancerAdapter extends AutoCloseable {

    /** @return which load balancer this is */
    Vendor vendor();

    /**
     * Reads the device (or file) and plans the changes the deployment needs. Never writes.
     *
     * @param deployment the deployment
     * @return the ordered changes; empty when the device already matches; with {@link Plan#conflicts()}
     *     when something foreign or missing stops it
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    Plan plan(Deployment deployment);

    /**
     * Applies a plan made by {@link #plan} for the same deployment: all of it, or nothing. A plan with
     * conflicts is refused before the first write. Applying an empty plan writes nothing.
     *
     * @param deployment the deployment the plan was made for
     * @param plan the plan
     * @param listener told of each step
     * @return what happened; a failed apply is a result, not an exception
     * @throws io.hakit.model.ConflictException when the plan has conflicts (nothing was written)
     * @throws io.hakit.model.HakitException when the device cannot be reached before the first write
     */
    ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener);

    /**
     * Judges what is configured by the guide's rules; with a deployment, also lists the drift from it.
     *
     * @param deployment the deployment to compare with, if any
     * @return the findings (and drift)
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    AuditReport audit(Optional<Deployment> deployment);

    /**
     * Judges what is configured by the guide's rules, in a chosen scope: with {@code all}, every object on the
     * device or in the file ({@link AuditReport.Scope#ALL}); otherwise the deployment's objects (with a
     * topology) or the PatientSecure deployments found (without one), counting the rest as other
     * applications' ({@link AuditReport#outOfScope()}). The default is {@link #audit(Optional)}, for adapters
     * whose audit judges every object anyway.
     *
     * @param deployment the deployment to compare with, if any
     * @param all whether to judge every object
     * @return the findings (and drift), with the scope used
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    default AuditReport audit(Optional<Deployment> deployment, boolean all) {
        return audit(deployment);
    }

    /** Releases the session (logs out, deletes tokens). Never throws. */
    @Override
    void close();
}
