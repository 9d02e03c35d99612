package io.hakit.f5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hakit.f5.internal.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One BIG-IP object: its type, partition, name and REST attributes (camelCase, as iControl REST spells them).
 * Attribute values are immutable (strings, longs, booleans, unmodifiable lists and maps). Integer zero is a
 * value and is always sent. Immutable and thread-safe; build with {@link #builder(F5Type, String)} or the typed
 * builders of {@link F5Objects}.
 */
public final class F5Object {

    private static final Set<String> READ_ONLY = Set.of("kind", "name", "partition", "fullPath", "generation",
            "selfLink");

    private final F5Type type;
    private final String partition;
    private final String name;
    private final Map<String, Object> attributes;

    private F5Object(F5Type type, String partition, String name, Map<String, Object> attributes) {
        this.type = type;
        this.partition = partition;
        this.name = name;
        this.attributes = attributes;
    }

    /**
     * @param type the type
     * @param name the name
     * @return a builder in partition {@code Common}
     */
    public static Builder builder(F5Type type, String name) {
        return new Builder(type, name);
    }

    /** @return a builder holding this object's values */
    public Builder toBuilder() {
        Builder b = new Builder(type, name).partition(partition);
        b.attributes.putAll(attributes);
        return b;
    }

    /**
     * Reads an object as a GET returns it: read-only keys dropped, {@code membersReference.items} and
     * {@code profilesReference.items} (from {@code expandSubcollections}) become {@code members} and
     * {@code profiles}.
     *
     * @param type the type
     * @param item one item of a GET
     * @return the object
     */
    public static F5Object fromDevice(F5Type type, JsonNode item) {
        Objects.requireNonNull(item, "item");
        Builder b = new Builder(type, item.path("name").asText());
        b.partition(item.path("partition").asText(F5Names.COMMON));
        item.fields().forEachRemaining(e -> {
            String k = e.getKey();
            if (READ_ONLY.contains(k)) {
                return;
            }
            if (k.endsWith("Reference") && e.getValue().isObject()) {
                JsonNode items = e.getValue().get("items");
                if (items != null && items.isArray()) {
                    b.attributes.put(k.substring(0, k.length() - "Reference".length()), Normalizer.toJava(items));
                }
                return;
            }
            b.attributes.put(k, Normalizer.toJava(e.getValue()));
        });
        return b.build();
    }

    /** @return the type */
    public F5Type type() {
        return type;
    }

    /** @return the partition */
    public String partition() {
        return partition;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the full path, e.g. {@code /Common/ps-web-7002} */
    public String fullPath() {
        return F5Names.fullPath(partition, name);
    }

    /** @return the item URL path, e.g. {@code /mgmt/tm/ltm/pool/~Common~ps-web-7002} */
    public String itemPath() {
        return F5Names.itemPath(type.collection(), partition, name);
    }

    /** @return the attributes (without name and partition), in order */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /**
     * @param attribute an attribute name
     * @return its value
     */
    public Optional<Object> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute));
    }

    /** @return the {@code description}, where hakit writes its ownership marker */
    public Optional<String> description() {
        Object d = attributes.get("description");
        return d == null ? Optional.empty() : Optional.of(d.toString());
    }

    /** @return the POST body: name, partition and the attributes */
    public ObjectNode body() {
        ObjectNode n = IControlClient.JSON.createObjectNode();
        n.put("name", name);
        n.put("partition", partition);
        ObjectNode rest = IControlClient.JSON.valueToTree(attributes);
        n.setAll(rest);
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof F5Object)) {
            return false;
        }
        F5Object x = (F5Object) o;
        return type == x.type && partition.equals(x.partition) && name.equals(x.name) && attributes.equals(x.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, partition, name, attributes);
    }

    @Override
    public String toString() {
        return type.key() + " " + fullPath() + " " + attributes;
    }

    /** Builds an {@link F5Object}. Not thread-safe. */
    public static final class Builder {
        private final F5Type type;
        private final String name;
        private String partition = F5Names.COMMON;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(F5Type type, String name) {
            this.type = Objects.requireNonNull(type, "type");
            this.name = Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.contains("~")) {
                throw new IllegalArgumentException("name must be non-blank and hold no '~': '" + name + "'");
            }
        }

        /**
         * @param partition the partition; default {@code Common}
         * @return this builder
         */
        public Builder partition(String partition) {
            Objects.requireNonNull(partition, "partition");
            if (partition.isBlank() || partition.contains("~") || partition.contains("/")) {
                throw new IllegalArgumentException("partition must be a plain name, not '" + partition + "'");
            }
            this.partition = partition;
            return this;
        }

        /**
         * @param attribute a REST attribute name (camelCase)
         * @param value its value: string, number, boolean, list or map of them; null removes it
         * @return this builder
         */
        public Builder attribute(String attribute, Object value) {
            Objects.requireNonNull(attribute, "attribute");
            if (value == null) {
                attributes.remove(attribute);
            } else {
                attributes.put(attribute, Normalizer.immutable(value));
            }
            return this;
        }

        /**
         * @param description the description (hakit's ownership marker)
         * @return this builder
         */
        public Builder description(String description) {
            return attribute("description", description);
        }

        /** @return the object */
        public F5Object build() {
            return new F5Object(type, partition, name, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }
    }
}
