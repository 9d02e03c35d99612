package io.hakit.citrix;

/** The role of the node NITRO is talking to, read from {@code hanode}. */
public enum HaRole {
    /** The primary node of an HA pair: configuration changes are made here and propagated. */
    PRIMARY,
    /** The secondary node: changes made here are lost at the next sync (errorcode 1028). */
    SECONDARY,
    /** Not part of an HA pair, or the state is not known: writable. */
    STANDALONE
}
