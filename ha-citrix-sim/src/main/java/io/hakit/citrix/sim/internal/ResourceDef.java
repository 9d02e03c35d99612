package io.hakit.citrix.sim.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the simulator knows about one NITRO resource type: its key, the attributes each operation
 * takes (vendor notes section 4), attribute types, device defaults and which numbers a real ADC
 * returns as JSON numbers rather than strings.
 */
final class ResourceDef {
    enum Kind {
        /** add / update / delete */
        OBJECT,
        /** bind / unbind, no update */
        BINDING,
        /** created by the ADC with its parent; update and unset only */
        AUTO
    }

    final String name;
    final Kind kind;
    /** the primary key; for a binding, the parent's key */
    final String key;
    /** for a binding: the attributes that tell two bindings of one parent apart */
    List<String> childKeys = List.of();
    /** for a binding or AUTO resource: the parent resource type */
    String parent;
    Set<String> add = Set.of();
    Set<String> update = Set.of();
    Set<String> unset = Set.of();
    Set<String> deleteArgs = Set.of();
    Set<String> getArgs = Set.of();
    /** attributes never returned by GET */
    Set<String> secrets = Set.of();
    /** accepted actions and the attributes each takes */
    final Map<String, Set<String>> actions = new HashMap<>();
    final Map<String, Attr> types = new HashMap<>();
    /** numbers a real ADC shows as JSON numbers; every other number is shown as a string */
    Set<String> wireNumbers = Set.of();
    /** device defaults shown on read when the attribute was never set */
    final Map<String, Object> defaults = new HashMap<>();

    ResourceDef(String name, Kind kind, String key) {
        this.name = name;
        this.kind = kind;
        this.key = key;
    }

    Attr type(String attribute) {
        return types.getOrDefault(attribute, Attr.STRING);
    }

    boolean isBinding() {
        return kind == Kind.BINDING;
    }

    static Set<String> set(String commaSeparated) {
        if (commaSeparated.isBlank()) {
            return Set.of();
        }
        Set<String> s = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(",")).map(String::trim).forEach(s::add);
        return Set.copyOf(s);
    }

    static Set<String> plus(Set<String> a, String more) {
        Set<String> s = new LinkedHashSet<>(a);
        s.addAll(set(more));
        return Set.copyOf(s);
    }

    static Set<String> minus(Set<String> a, String less) {
        Set<String> s = new LinkedHashSet<>(a);
        s.removeAll(set(less));
        return Set.copyOf(s);
    }

    void types(Attr type, String commaSeparated) {
        for (String a : set(commaSeparated)) {
            types.put(a, type);
        }
    }
}
