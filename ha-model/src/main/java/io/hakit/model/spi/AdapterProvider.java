package io.hakit.model.spi;

import io.hakit.model.Vendor;
import io.hakit.model.plan.LoadBalancerAdapter;

/**
 * Opens one vendor's {@link LoadBalancerAdapter} for a device. Each adapter module provides one
 * ({@code provides} in its {@code module-info} and {@code META-INF/services} for the class path);
 * test tooling such as {@code ha-test}'s simulator extensions find it with
 * {@link java.util.ServiceLoader}. Implementations are stateless and thread-safe.
 */
public interface AdapterProvider {

    /** @return the vendor whose adapter this provider opens */
    Vendor vendor();

    /** @return the class of the adapters {@link #open} returns, e.g. {@code CitrixAdapter.class} */
    Class<? extends LoadBalancerAdapter> adapterType();

    /**
     * @param target where the device is and how to log in
     * @return an adapter with the vendor's defaults for everything else; the caller closes it
     * @throws IllegalArgumentException when the target does not suit the vendor (e.g. a file-based adapter)
     */
    LoadBalancerAdapter open(DeviceTarget target);
}
