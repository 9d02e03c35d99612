package io.hakit.model;

import java.util.Locale;

/** The load-balancer technologies hakit drives. */
public enum Vendor {
    /** Microsoft IIS with Application Request Routing 3.0. */
    IIS("iis"),
    /** Citrix ADC (NetScaler), driven through NITRO. */
    CITRIX("citrix"),
    /** F5 BIG-IP LTM/GTM, driven through iControl REST or AS3. */
    F5("f5");

    private final String key;

    Vendor(String key) {
        this.key = key;
    }

    /** @return the key used in topology files, e.g. {@code citrix} */
    public String key() {
        return key;
    }

    /**
     * @param key a topology-file key, case-insensitive
     * @return the vendor
     * @throws IllegalArgumentException naming the valid keys when {@code key} is not one
     */
    public static Vendor fromKey(String key) {
        for (Vendor v : values()) {
            if (v.key.equals(key.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new IllegalArgumentException("vendor '" + key + "' is not one of iis, citrix, f5");
    }

    @Override
    public String toString() {
        return key;
    }
}
