package io.hakit.f5.internal;

import io.hakit.f5.F5Collection;
import io.hakit.f5.F5Object;
import io.hakit.f5.F5Type;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** What a BIG-IP holds, read with one GET per type (sub-collections inlined). */
public final class DeviceState {

    private final Map<F5Type, Map<String, F5Object>> objects = new EnumMap<>(F5Type.class);

    /**
     * @param types the types to read
     * @param collection how to reach a type's collection
     * @return the state
     */
    public static DeviceState read(Collection<F5Type> types, Function<F5Type, F5Collection> collection) {
        DeviceState s = new DeviceState();
        for (F5Type t : types) {
            Map<String, F5Object> m = new LinkedHashMap<>();
            for (F5Object o : collection.apply(t).list()) {
                m.put(o.fullPath(), o);
            }
            s.objects.put(t, m);
        }
        return s;
    }

    /**
     * @param types the types read (each present, perhaps empty)
     * @param objects what the device returned for them
     * @return the state
     */
    public static DeviceState of(Collection<F5Type> types, Collection<F5Object> objects) {
        DeviceState s = new DeviceState();
        types.forEach(t -> s.objects.put(t, new LinkedHashMap<>()));
        objects.forEach(o -> s.objects.computeIfAbsent(o.type(), t -> new LinkedHashMap<>()).put(o.fullPath(), o));
        return s;
    }

    /**
     * @param type a type
     * @param fullPath a full path
     * @return the object
     */
    public Optional<F5Object> find(F5Type type, String fullPath) {
        return Optional.ofNullable(objects.getOrDefault(type, Map.of()).get(fullPath));
    }

    /**
     * @param type a type
     * @return every object of the type that was read
     */
    public List<F5Object> all(F5Type type) {
        return List.copyOf(objects.getOrDefault(type, Map.of()).values());
    }

    /**
     * @param keep which objects to keep
     * @return a copy holding only those (every type read stays read)
     */
    public DeviceState filter(Predicate<F5Object> keep) {
        DeviceState s = new DeviceState();
        objects.forEach((t, m) -> {
            Map<String, F5Object> kept = new LinkedHashMap<>();
            m.forEach((path, o) -> {
                if (keep.test(o)) {
                    kept.put(path, o);
                }
            });
            s.objects.put(t, kept);
        });
        return s;
    }

    /**
     * @param type a type
     * @return whether it was read
     */
    public boolean has(F5Type type) {
        return objects.containsKey(type);
    }
}
