package io.hakit.f5.internal;

import io.hakit.f5.F5Adapter;
import io.hakit.model.Vendor;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.spi.AdapterProvider;
import io.hakit.model.spi.DeviceTarget;

/** Opens {@link F5Adapter}s for tooling that finds adapters through {@link java.util.ServiceLoader}. */
public final class F5AdapterProvider implements AdapterProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public F5AdapterProvider() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.F5;
    }

    @Override
    public Class<F5Adapter> adapterType() {
        return F5Adapter.class;
    }

    @Override
    public LoadBalancerAdapter open(DeviceTarget target) {
        char[] password = target.password();
        try {
            return F5Adapter.builder().url(target.url()).credentials(target.user(), new String(password))
                    .tls(target.tls()).build();
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
