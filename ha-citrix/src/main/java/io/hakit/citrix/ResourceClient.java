package io.hakit.citrix;

import io.hakit.model.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fluent operations on one NITRO resource type, from {@link NitroClient#on(NitroResource)}: each call
 * ends in exactly one request. Thread-safe (a view of the client).
 *
 * <pre>{@code
 * nitro.on(NitroResource.LBVSERVER).add(v -> v.attribute("name", "vs_web").attribute("servicetype", "SSL")
 *         .attribute("ipv46", "10.0.1.10").attribute("port", 7002));
 * nitro.on(NitroResource.LBVSERVER_SERVICEGROUP_BINDING).bind(b -> b.attribute("name", "vs_web")
 *         .attribute("servicegroupname", "sg_web"));
 * Optional<NitroObject> vs = nitro.on(NitroResource.LBVSERVER).find("vs_web");
 * NitroObject group = nitro.on(NitroResource.SERVICEGROUP).get("sg_web"); // throws NotFoundException when absent
 * }</pre>
 */
public final class ResourceClient {

    private final NitroClient client;
    private final NitroResource resource;

    ResourceClient(NitroClient client, NitroResource resource) {
        this.client = client;
        this.resource = resource;
    }

    /** @return the resource these operations act on */
    public NitroResource resource() {
        return resource;
    }

    /** @return every object of the type */
    public List<NitroObject> list() {
        return client.list(resource.wireName());
    }

    /**
     * @param name the object's name (for a binding: the parent's; every binding of it is returned)
     * @return the object, or empty when there is none
     */
    public Optional<NitroObject> find(String name) {
        return client.get(resource.wireName(), name);
    }

    /**
     * Like {@link #find(String)}, for an object that must exist (one request either way).
     *
     * @param name the object's name (for a binding: the parent's)
     * @return the object
     * @throws NotFoundException when there is none (status 404, NITRO error code 258)
     */
    public NitroObject get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException(404, "258", "No such resource",
                resource.wireName() + "/" + name, "GET /nitro/v1/config/" + resource.wireName() + "/" + name));
    }

    /**
     * @param attributes sets the attributes (checked against NITRO's list for the resource)
     * @return the object added
     * @throws io.hakit.model.ConflictException when it exists (273)
     */
    public NitroObject add(Consumer<NitroObject.Builder> attributes) {
        NitroObject o = build(attributes);
        client.add(o);
        return o;
    }

    /**
     * @param attributes the key and the attributes to change
     * @return the update sent
     * @throws io.hakit.model.NotFoundException when the object does not exist
     * @throws IllegalArgumentException when an attribute cannot be updated on this resource
     */
    public NitroObject update(Consumer<NitroObject.Builder> attributes) {
        NitroObject o = build(attributes);
        for (String k : o.attributes().keySet()) {
            if (!resource.updateAttributes().contains(k) && !k.equals(resource.keyAttribute())
                    && !(resource == NitroResource.LBMONITOR && k.equals("type"))) {
                throw new IllegalArgumentException("attribute '" + k + "' of " + resource.wireName()
                        + " cannot be updated (NITRO: immutable after create)");
            }
        }
        client.update(o);
        return o;
    }

    /**
     * @param name the object's name
     * @param args delete arguments (e.g. {@code type} for an lbmonitor), or an empty map
     */
    public void delete(String name, Map<String, Object> args) {
        client.delete(resource.wireName(), Objects.requireNonNull(name, "name"), args);
    }

    /**
     * @param name the object's name
     */
    public void delete(String name) {
        delete(name, Map.of());
    }

    /**
     * @param attributes the binding's attributes (parent key and bound key at least)
     * @return the binding sent
     * @throws IllegalStateException when the resource is not a binding
     */
    public NitroObject bind(Consumer<NitroObject.Builder> attributes) {
        requireBinding();
        NitroObject o = build(attributes);
        client.bind(o);
        return o;
    }

    /**
     * @param attributes the binding's attributes (parent key and the delete arguments)
     * @throws IllegalStateException when the resource is not a binding
     */
    public void unbind(Consumer<NitroObject.Builder> attributes) {
        requireBinding();
        client.unbind(build(attributes));
    }

    private void requireBinding() {
        if (!resource.isBinding()) {
            throw new IllegalStateException(resource.wireName() + " is not a binding");
        }
    }

    private NitroObject build(Consumer<NitroObject.Builder> attributes) {
        NitroObject.Builder b = NitroObject.builder(resource);
        attributes.accept(b);
        return b.build();
    }
}
