package io.hakit.test;

import io.hakit.model.Deployment;
import io.hakit.model.Vendor;
import io.hakit.model.plan.ApplyListener;
import io.hakit.model.plan.ApplyResult;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.plan.Plan;
import io.hakit.model.spi.AdapterProvider;
import io.hakit.model.spi.DeviceTarget;
import io.hakit.model.validate.AuditReport;
import java.util.Optional;

/** A Citrix-vendor adapter that only remembers its target. */
public final class FakeAdapterProvider implements AdapterProvider {

    @Override
    public Vendor vendor() {
        return Vendor.CITRIX;
    }

    @Override
    public Class<FakeAdapter> adapterType() {
        return FakeAdapter.class;
    }

    @Override
    public LoadBalancerAdapter open(DeviceTarget target) {
        return new FakeAdapter(target);
    }

    /** The fake adapter. */
    public static final class FakeAdapter implements LoadBalancerAdapter {
        final DeviceTarget target;

        FakeAdapter(DeviceTarget target) {
            this.target = target;
        }

        @Override
        public Vendor vendor() {
            return Vendor.CITRIX;
        }

        @Override
        public Plan plan(Deployment deployment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApplyResult apply(Deployment deployment, Plan plan, ApplyListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuditReport audit(Optional<Deployment> deployment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            FakeSimulatorProvider.EVENTS.add("adapter closed");
        }
    }
}
