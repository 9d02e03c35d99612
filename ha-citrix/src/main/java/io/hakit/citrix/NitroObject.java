package io.hakit.citrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One NITRO object (or binding) as hakit sends or reads it: its resource type and its attributes
 * by NITRO's exact names, in order. Built with {@link #builder(NitroResource)}, which refuses any
 * attribute the resource does not accept on add (the device's errorcode 278), so a request hakit
 * sends never carries a response-only or unknown attribute. Values are strings, numbers, booleans,
 * or unmodifiable lists of them. Immutable and thread-safe.
 *
 * <pre>{@code
 * NitroObject vs = NitroObject.builder(NitroResource.LBVSERVER)
 *         .attribute("name", "vs_web").attribute("servicetype", "SSL")
 *         .attribute("ipv46", "10.0.1.10").attribute("port", 7002).build();
 * }</pre>
 */
public final class NitroObject {

    private final String type;
    private final Map<String, Object> attributes;

    private NitroObject(String type, Map<String, Object> attributes) {
        this.type = type;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * @param resource the resource type
     * @return a builder that checks every attribute against the resource's add list
     * @throws NullPointerException when {@code resource} is null
     */
    public static Builder builder(NitroResource resource) {
        return new Builder(Objects.requireNonNull(resource, "resource"));
    }

    /**
     * An object as a device returned it: any attributes, unchecked.
     *
     * @param type the resource's wire name
     * @param attributes the attributes read
     * @return the object
     * @throws NullPointerException when an argument is null
     */
    public static NitroObject fromDevice(String type, Map<String, Object> attributes) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attributes, "attributes");
        return new NitroObject(type, attributes);
    }

    /** @return the resource's wire name, e.g. {@code lbvserver} */
    public String type() {
        return type;
    }

    /** @return the resource, when hakit knows the type */
    public Optional<NitroResource> resource() {
        return NitroResource.fromWireName(type);
    }

    /** @return the attributes, in order */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /**
     * @param name an attribute name
     * @return its value as text (numbers and booleans as NITRO writes them), if present
     */
    public Optional<String> string(String name) {
        Object v = attributes.get(name);
        return v == null || v instanceof List || v instanceof Map ? Optional.empty() : Optional.of(v.toString());
    }

    /**
     * @return the object's name: the value of its resource's key attribute (for a binding, the parent's
     *     name), or {@code ""} when the type is unknown or the key is missing
     */
    public String name() {
        return resource().flatMap(r -> string(r.keyAttribute())).orElse("");
    }

    /**
     * A builder holding this object's attributes, to build an edited copy (checked like any built object).
     *
     * @return the builder
     * @throws IllegalStateException when hakit does not know the object's type
     * @throws IllegalArgumentException when an attribute is not in the resource's add list
     */
    public Builder toBuilder() {
        NitroResource r = resource().orElseThrow(() -> new IllegalStateException("unknown NITRO type " + type));
        Builder b = new Builder(r);
        attributes.forEach(b::attribute);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NitroObject && ((NitroObject) o).type.equals(type)
                && ((NitroObject) o).attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, attributes);
    }

    /** Shows type and attributes, with secret attributes ({@code password}, {@code filecontent}, ...) hidden. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        attributes.forEach((k, v) -> shown.put(k, isSecret(k) ? "(hidden)" : v));
        return type + shown;
    }

    static boolean isSecret(String attribute) {
        return attribute.equals("password") || attribute.equals("passplain") || attribute.equals("filecontent")
                || attribute.equals("secondarypassword") || attribute.equals("radkey")
                || attribute.equals("secureargs");
    }

    /** Builds a {@link NitroObject}, checking attribute names against the resource. Not thread-safe. */
    public static final class Builder {
        private final NitroResource resource;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(NitroResource resource) {
            this.resource = resource;
        }

        /**
         * @param name the attribute's NITRO name
         * @param value a string, number, boolean, or list of them
         * @return this builder
         * @throws IllegalArgumentException when the resource does not accept the attribute on add or update
         *     (NITRO would answer errorcode 278), or the value is of another kind
         */
        public Builder attribute(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!resource.addAttributes().contains(name) && !resource.updateAttributes().contains(name)) {
                throw new IllegalArgumentException("attribute '" + name + "' is not a NITRO " + resource.wireName()
                        + " attribute (the device would answer errorcode 278 Invalid argument)");
            }
            if (value instanceof List) {
                List<Object> copy = new ArrayList<>();
                for (Object o : (List<?>) value) {
                    copy.add(scalar(name, o));
                }
                attributes.put(name, Collections.unmodifiableList(copy));
            } else {
                attributes.put(name, scalar(name, value));
            }
            return this;
        }

        /**
         * @param name the attribute to drop
         * @return this builder
         */
        public Builder remove(String name) {
            attributes.remove(name);
            return this;
        }

        private static Object scalar(String name, Object value) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value;
            }
            throw new IllegalArgumentException("attribute '" + name + "' must be a string, number or boolean, not "
                    + value.getClass().getSimpleName());
        }

        /**
         * @return the object
         * @throws IllegalArgumentException when the key attribute (e.g. {@code name}) is missing
         */
        public NitroObject build() {
            if (!attributes.containsKey(resource.keyAttribute())) {
                throw new IllegalArgumentException(resource.wireName() + " needs its key attribute '"
                        + resource.keyAttribute() + "'");
            }
            return new NitroObject(resource.wireName(), attributes);
        }
    }
}
