package io.hakit.sim;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The certificate chain and private key a simulator serves HTTPS with. Immutable; {@link #toString()}
 * names the subject and never shows the key.
 *
 * @param chain the server certificate first, then its chain; copied
 * @param key the server certificate's private key
 */
public record ServerIdentity(X509Certificate[] chain, PrivateKey key) {
    /**
     * Checks and copies.
     *
     * @param chain the server certificate first, then its chain
     * @param key the server certificate's private key
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when the chain is empty
     */
    public ServerIdentity {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(key, "key");
        if (chain.length == 0) {
            throw new IllegalArgumentException("chain must hold at least the server certificate");
        }
        chain = chain.clone();
    }

    /** @return a copy of the chain, server certificate first */
    @Override
    public X509Certificate[] chain() {
        return chain.clone();
    }

    @Override
    public String toString() {
        return "ServerIdentity[" + chain[0].getSubjectX500Principal().getName() + ", private key hidden]";
    }
}
