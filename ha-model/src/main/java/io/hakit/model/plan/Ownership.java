package io.hakit.model.plan;

import io.hakit.model.Deployment;
import java.util.Objects;

/**
 * The marker hakit puts on every device object it creates (a Citrix {@code comment}, an F5
 * {@code description}), naming the deployment: {@code hakit:<deployment name>}. An object is
 * hakit's to change or delete only when it carries this deployment's marker; an object with no
 * marker, or another deployment's, is foreign. Immutable and thread-safe.
 */
public final class Ownership {

    /** What every marker starts with. */
    public static final String PREFIX = "hakit:";

    private final String marker;

    private Ownership(String marker) {
        this.marker = marker;
    }

    /**
     * @param deployment the deployment that owns the objects
     * @return its ownership
     * @throws NullPointerException when {@code deployment} is null
     */
    public static Ownership of(Deployment deployment) {
        Objects.requireNonNull(deployment, "deployment");
        return named(deployment.name());
    }

    /**
     * @param deploymentName the deployment's name, as in the topology's {@code name}
     * @return its ownership
     * @throws IllegalArgumentException when the name is blank
     */
    public static Ownership named(String deploymentName) {
        Objects.requireNonNull(deploymentName, "deploymentName");
        if (deploymentName.isBlank()) {
            throw new IllegalArgumentException("deploymentName must not be blank");
        }
        return new Ownership(PREFIX + deploymentName.strip());
    }

    /** @return the marker to write, e.g. {@code hakit:example-hospital} */
    public String marker() {
        return marker;
    }

    /**
     * @param comment an object's comment or description as the device returns it (may be null)
     * @return whether the object is this deployment's
     */
    public boolean owns(String comment) {
        return comment != null && comment.strip().equals(marker);
    }

    /**
     * @param comment an object's comment or description (may be null)
     * @return whether any hakit deployment created the object (this one or another)
     */
    public static boolean isHakit(String comment) {
        return comment != null && comment.strip().startsWith(PREFIX);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ownership && ((Ownership) o).marker.equals(marker);
    }

    @Override
    public int hashCode() {
        return marker.hashCode();
    }

    @Override
    public String toString() {
        return marker;
    }
}
