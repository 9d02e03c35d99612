package io.hakit.f5;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The fluent API over one BIG-IP: pick a collection, then end in one I/O verb.
 * <pre>{@code
 * try (IControlClient client = IControlClient.builder().url("https://bigip.hospital.org")
 *         .credentials("automation", password).build()) {
 *     BigIp bigIp = BigIp.of(client);
 *     List<F5Object> pools = bigIp.pools().list();
 *     bigIp.atomically(tx -> {
 *         tx.create(F5Objects.tcpProfile("ps-tcp-1860").idleTimeout(Duration.ofSeconds(1860)).build());
 *         tx.create(F5Objects.pool("ps-web-7002").monitor("/Common/https").member("app1.hospital.org:7002", 0).build());
 *     });
 * }
 * }</pre>
 * Thread-safe as its client is.
 */
public final class BigIp {

    private final IControlClient client;

    private BigIp(IControlClient client) {
        this.client = client;
    }

    /**
     * @param client the session (the caller closes it)
     * @return the fluent API over it
     */
    public static BigIp of(IControlClient client) {
        return new BigIp(Objects.requireNonNull(client, "client"));
    }

    /** @return the session */
    public IControlClient client() {
        return client;
    }

    /**
     * @param type a type
     * @return its collection
     */
    public F5Collection collection(F5Type type) {
        return new F5Collection(client, Objects.requireNonNull(type, "type"));
    }

    /** @return {@code ltm node} */
    public F5Collection nodes() {
        return collection(F5Type.NODE);
    }

    /** @return {@code ltm pool} (members inline) */
    public F5Collection pools() {
        return collection(F5Type.POOL);
    }

    /** @return {@code ltm virtual} (profiles inline) */
    public F5Collection virtuals() {
        return collection(F5Type.VIRTUAL);
    }

    /** @return {@code ltm monitor https} */
    public F5Collection httpsMonitors() {
        return collection(F5Type.MONITOR_HTTPS);
    }

    /** @return {@code ltm monitor http} */
    public F5Collection httpMonitors() {
        return collection(F5Type.MONITOR_HTTP);
    }

    /** @return {@code ltm profile tcp} */
    public F5Collection tcpProfiles() {
        return collection(F5Type.PROFILE_TCP);
    }

    /** @return {@code ltm profile client-ssl} */
    public F5Collection clientSslProfiles() {
        return collection(F5Type.PROFILE_CLIENT_SSL);
    }

    /** @return {@code ltm profile server-ssl} */
    public F5Collection serverSslProfiles() {
        return collection(F5Type.PROFILE_SERVER_SSL);
    }

    /** @return {@code ltm persistence source-addr} */
    public F5Collection sourceAddrPersistence() {
        return collection(F5Type.PERSISTENCE_SOURCE_ADDR);
    }

    /** @return {@code sys file ssl-cert} */
    public F5Collection sslCerts() {
        return collection(F5Type.SSL_CERT);
    }

    /** @return {@code sys file ssl-key} */
    public F5Collection sslKeys() {
        return collection(F5Type.SSL_KEY);
    }

    /** @return {@code gtm server} */
    public F5Collection gtmServers() {
        return collection(F5Type.GTM_SERVER);
    }

    /** @return {@code gtm pool a} */
    public F5Collection gtmPools() {
        return collection(F5Type.GTM_POOL_A);
    }

    /** @return {@code gtm wideip a} */
    public F5Collection wideIps() {
        return collection(F5Type.GTM_WIDEIP_A);
    }

    /**
     * Runs writes in one transaction and commits it: all take effect or none. When {@code work} throws, the
     * transaction is discarded and nothing changes.
     *
     * @param work what to queue
     * @throws io.hakit.model.DeviceException with the device's reason when the commit fails (nothing changed)
     * @throws io.hakit.model.TransportException when the device cannot be reached
     */
    public void atomically(Consumer<F5Transaction> work) {
        Objects.requireNonNull(work, "work");
        F5Transaction tx = client.beginTransaction();
        try {
            work.accept(tx);
        } catch (RuntimeException e) {
            tx.discard();
            throw e;
        }
        tx.commit();
    }

    @Override
    public String toString() {
        return "BigIp[" + client.url() + "]";
    }
}
