package io.hakit.citrix.internal;

import io.hakit.citrix.CitrixAdapter;
import io.hakit.model.Vendor;
import io.hakit.model.plan.LoadBalancerAdapter;
import io.hakit.model.spi.AdapterProvider;
import io.hakit.model.spi.DeviceTarget;

/** Opens {@link CitrixAdapter}s for tooling that finds adapters through {@link java.util.ServiceLoader}. */
public final class CitrixAdapterProvider implements AdapterProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public CitrixAdapterProvider() {
    }

    @Override
    public Vendor vendor() {
        return Vendor.CITRIX;
    }

    @Override
    public Class<CitrixAdapter> adapterType() {
        return CitrixAdapter.class;
    }

    @Override
    public LoadBalancerAdapter open(DeviceTarget target) {
        char[] password = target.password();
        try {
            return CitrixAdapter.builder().url(target.url()).credentials(target.user(), new String(password))
                    .tls(target.tls()).build();
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
