package io.hakit.model.plan;

import java.util.Locale;
import java.util.Objects;

/**
 * Something that stops a plan from being applied as it is: a foreign object (one hakit does not
 * own) in the way of a name hakit needs, or a prerequisite the device lacks (the load balancer's
 * certificate without its key). Applying a plan with conflicts is refused before the first write.
 * Immutable.
 *
 * @param kind what kind of obstacle it is
 * @param type the vendor's object type, e.g. {@code lbvserver}, {@code ltm/pool}, {@code webFarm}
 * @param name the object's name
 * @param message what is wrong and how to resolve it, naming values (never a secret)
 */
public record Conflict(Kind kind, String type, String name, String message) {

    /** What kind of obstacle a conflict is. */
    public enum Kind {
        /** An object hakit needs exists and is not hakit's; take it over with {@code --adopt}. */
        FOREIGN_OBJECT,
        /** The device lacks the load balancer's certificate and no key was given ({@code --lb-key}). */
        MISSING_KEY,
        /** Any other prerequisite the device lacks. */
        MISSING_PREREQUISITE,
        /**
         * A foreign object placed before one of hakit's takes its traffic first (an IIS global rule above
         * hakit's that stops processing); hakit does not reorder what it does not own.
         */
        SHADOWED;

        /** @return the lower-case, hyphenated name used in text and JSON, e.g. {@code foreign-object} */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @throws NullPointerException naming a null argument
     */
    public Conflict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    /**
     * @param type the vendor's object type
     * @param name the object's name
     * @param owner who the object belongs to as the device says (its comment or description), or {@code ""}
     * @return a conflict telling the user to rename, remove, or adopt with {@code --adopt}
     */
    public static Conflict foreign(String type, String name, String owner) {
        String whose = owner == null || owner.isBlank() ? "it carries no hakit marker"
                : "it is marked '" + owner + "'";
        return new Conflict(Kind.FOREIGN_OBJECT, type, name, type + " " + name
                + " exists and is not managed by this deployment (" + whose
                + "); hakit will not change it: remove or rename it, or take it over with --adopt");
    }

    @Override
    public String toString() {
        return kind.key() + " " + type + " " + name + ": " + message;
    }
}
