package io.hakit.f5;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One collection of a BIG-IP ({@code ltm/pool}, {@code ltm/virtual}, ...) and its verbs. Each method is one
 * request. Thread-safe as its client is.
 */
public final class F5Collection {

    private final IControlClient client;
    private final F5Type type;

    F5Collection(IControlClient client, F5Type type) {
        this.client = client;
        this.type = type;
    }

    /** @return the type */
    public F5Type type() {
        return type;
    }

    /**
     * @return every object of the collection in every partition (one GET, sub-collections inlined)
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    public List<F5Object> list() {
        JsonNode answer = client.get(type.listPath());
        List<F5Object> out = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            out.add(F5Object.fromDevice(type, item));
        }
        return out;
    }

    /**
     * @param name a name in {@code Common}
     * @return the object, or empty when it does not exist
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    public Optional<F5Object> find(String name) {
        return find(F5Names.COMMON, name);
    }

    /**
     * @param partition the partition
     * @param name the name
     * @return the object, or empty when it does not exist
     * @throws io.hakit.model.HakitException when the device cannot be read
     */
    public Optional<F5Object> find(String partition, String name) {
        String path = F5Names.itemPath(type.collection(), partition, name)
                + (type.listPath().contains("?") ? "?expandSubcollections=true" : "");
        return client.find(path).map(j -> F5Object.fromDevice(type, j));
    }

    /**
     * @param name a name in {@code Common}
     * @return the object
     * @throws io.hakit.model.NotFoundException when it does not exist
     */
    public F5Object get(String name) {
        String path = F5Names.itemPath(type.collection(), F5Names.COMMON, name)
                + (type.listPath().contains("?") ? "?expandSubcollections=true" : "");
        return F5Object.fromDevice(type, client.get(path));
    }

    /**
     * @param object the object to create (its type must be this collection's)
     * @return the object as the device stored it
     * @throws io.hakit.model.ConflictException when it already exists
     */
    public F5Object create(F5Object object) {
        check(object);
        return F5Object.fromDevice(type, client.post(type.collection(), object.body()));
    }

    /**
     * Merges attributes (PATCH).
     *
     * @param name a name in {@code Common}
     * @param attributes the attributes to change
     * @return the object as the device stored it
     * @throws io.hakit.model.NotFoundException when it does not exist
     */
    public F5Object modify(String name, Map<String, Object> attributes) {
        F5Object.Builder b = F5Object.builder(type, Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(attributes, "attributes").forEach(b::attribute);
        F5Object patch = b.build();
        JsonNode body = IControlClient.JSON.valueToTree(patch.attributes());
        return F5Object.fromDevice(type, client.patch(patch.itemPath(), body));
    }

    /**
     * Replaces an object whole (PUT).
     *
     * @param object the new object
     * @return the object as the device stored it
     * @throws io.hakit.model.NotFoundException when it does not exist
     */
    public F5Object replace(F5Object object) {
        check(object);
        return F5Object.fromDevice(type, client.put(object.itemPath(), object.body()));
    }

    /**
     * @param name a name in {@code Common}
     * @throws io.hakit.model.NotFoundException when it does not exist
     * @throws io.hakit.model.DeviceException when it is in use
     */
    public void delete(String name) {
        client.delete(F5Names.itemPath(type.collection(), F5Names.COMMON, Objects.requireNonNull(name, "name")));
    }

    private void check(F5Object object) {
        Objects.requireNonNull(object, "object");
        if (object.type() != type) {
            throw new IllegalArgumentException("a " + object.type().key() + " does not belong in " + type.key());
        }
    }

    @Override
    public String toString() {
        return "F5Collection[" + type.key() + "]";
    }
}
