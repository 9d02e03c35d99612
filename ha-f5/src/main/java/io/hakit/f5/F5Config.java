package io.hakit.f5;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The BIG-IP configuration a deployment needs, from {@link F5Renderer}: every object in the order a transaction
 * must create it (certificates, monitors, nodes, profiles, pools, virtual servers, GTM). Private keys are never
 * part of it (they come from {@code --lb-key} at apply time). Immutable and thread-safe.
 *
 * @param objects the objects, in creation order
 */
public record F5Config(List<F5Object> objects) {

    /** @throws NullPointerException when {@code objects} is or holds null */
    public F5Config {
        objects = List.copyOf(Objects.requireNonNull(objects, "objects"));
    }

    /**
     * @param type an object type
     * @return the objects of that type, in order
     */
    public List<F5Object> of(F5Type type) {
        Objects.requireNonNull(type, "type");
        return objects.stream().filter(o -> o.type() == type).toList();
    }

    /**
     * @param type an object type
     * @param name an object's name (in any partition) or full path ({@code /Common/ps-tcp-1860})
     * @return the object, if the configuration has it
     */
    public Optional<F5Object> find(F5Type type, String name) {
        Objects.requireNonNull(name, "name");
        return of(type).stream().filter(o -> o.name().equals(name) || o.fullPath().equals(name)).findFirst();
    }
}
