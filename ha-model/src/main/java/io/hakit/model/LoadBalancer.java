package io.hakit.model;

import io.hakit.model.cert.CertificateChain;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The load balancer: its technology, the FQDN and address clients use, an optional
 * separate name and address for HL7 (F5-002), and the certificate it presents.
 * Immutable and thread-safe.
 */
public final class LoadBalancer {
    private final Vendor vendor;
    private final String fqdn;
    private final String address;
    private final String hl7Fqdn;
    private final String hl7Address;
    private final CertificateChain certificate;

    private LoadBalancer(Builder b) {
        this.vendor = Objects.requireNonNull(b.vendor, "vendor");
        this.fqdn = Objects.requireNonNull(b.fqdn, "fqdn");
        this.address = b.address;
        this.hl7Fqdn = b.hl7Fqdn;
        this.hl7Address = b.hl7Address;
        this.certificate = b.certificate;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this load balancer's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.vendor = vendor;
        b.fqdn = fqdn;
        b.address = address;
        b.hl7Fqdn = hl7Fqdn;
        b.hl7Address = hl7Address;
        b.certificate = certificate;
        return b;
    }

    /**
     * @param change the changes to make
     * @return a copy with the changes applied
     */
    public LoadBalancer copy(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    /** @return the technology */
    public Vendor vendor() {
        return vendor;
    }

    /** @return the FQDN clients and product URLs use */
    public String fqdn() {
        return fqdn;
    }

    /** @return the virtual-server address (Citrix, F5), if declared */
    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    /** @return the separate HL7 name, if declared */
    public Optional<String> hl7Fqdn() {
        return Optional.ofNullable(hl7Fqdn);
    }

    /** @return the separate HL7 address, if declared */
    public Optional<String> hl7Address() {
        return Optional.ofNullable(hl7Address);
    }

    /** @return the certificate chain the load balancer presents, if declared */
    public Optional<CertificateChain> certificate() {
        return Optional.ofNullable(certificate);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LoadBalancer)) {
            return false;
        }
        LoadBalancer l = (LoadBalancer) o;
        return vendor == l.vendor && fqdn.equals(l.fqdn) && Objects.equals(address, l.address)
                && Objects.equals(hl7Fqdn, l.hl7Fqdn) && Objects.equals(hl7Address, l.hl7Address)
                && Objects.equals(certificate, l.certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vendor, fqdn, address, hl7Fqdn, hl7Address);
    }

    @Override
    public String toString() {
        return "LoadBalancer[" + vendor + " " + fqdn + (address == null ? "" : " " + address) + "]";
    }

    /** Builds a {@link LoadBalancer}. Not thread-safe. */
    public static final class Builder {
        private Vendor vendor;
        private String fqdn;
        private String address;
        private String hl7Fqdn;
        private String hl7Address;
        private CertificateChain certificate;

        private Builder() {
        }

        /**
         * @param vendor the technology (required)
         * @return this builder
         */
        public Builder vendor(Vendor vendor) {
            this.vendor = Objects.requireNonNull(vendor, "vendor");
            return this;
        }

        /**
         * @param fqdn the FQDN clients use (required)
         * @return this builder
         */
        public Builder fqdn(String fqdn) {
            this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
            return this;
        }

        /**
         * @param address the virtual-server address; none by default
         * @return this builder
         */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /**
         * @param hl7Fqdn the separate HL7 name; none by default
         * @return this builder
         */
        public Builder hl7Fqdn(String hl7Fqdn) {
            this.hl7Fqdn = hl7Fqdn;
            return this;
        }

        /**
         * @param hl7Address the separate HL7 address; none by default
         * @return this builder
         */
        public Builder hl7Address(String hl7Address) {
            this.hl7Address = hl7Address;
            return this;
        }

        /**
         * @param certificate the chain the load balancer presents; none by default
         * @return this builder
         */
        public Builder certificate(CertificateChain certificate) {
            this.certificate = certificate;
            return this;
        }

        /**
         * @return the load balancer
         * @throws NullPointerException when vendor or fqdn is missing
         */
        public LoadBalancer build() {
            return new LoadBalancer(this);
        }
    }
}
