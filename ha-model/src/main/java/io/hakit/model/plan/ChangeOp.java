package io.hakit.model.plan;

import java.util.Locale;

/** What a change does to a device object. */
public enum ChangeOp {
    /** Add an object that does not exist. */
    CREATE,
    /** Change attributes of an existing object. */
    UPDATE,
    /** Remove an object. */
    DELETE,
    /** Attach one object to another (a member to a group, a certificate to a virtual server). */
    BIND,
    /** Detach one object from another. */
    UNBIND;

    /** @return the lower-case name used in text and JSON, e.g. {@code create} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key();
    }
}
