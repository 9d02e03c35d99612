package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One iControl REST object type the simulator knows: its URL below {@code /mgmt/tm/}, the
 * name TMOS uses for it in messages, the attributes it accepts, the device defaults a GET
 * returns, its sub-collections and the system-supplied objects that always exist.
 *
 * @param path the type's path below {@code /mgmt/tm/}, e.g. {@code ltm/pool}
 * @param display the name TMOS messages use, e.g. {@code Pool}
 * @param attributes the writable attribute names (besides {@code name} and {@code partition})
 * @param defaults the values a new object gets for attributes it was not given
 * @param subs sub-collections by URL segment
 * @param builtins names of system-supplied objects in {@code /Common}
 */
public record TypeSpec(String path, String display, Set<String> attributes, ObjectNode defaults,
        Map<String, SubSpec> subs, List<String> builtins) {

    /**
     * A sub-collection such as a pool's {@code members}.
     *
     * @param segment the URL segment, e.g. {@code virtual-servers}
     * @param bodyKey the key the items have inline in the parent's body, e.g. {@code virtualServers}
     * @param display the name TMOS messages use
     * @param attributes the writable attribute names
     * @param defaults the item defaults
     * @param partitioned whether items carry a partition (pool members do, GTM virtual servers do not)
     */
    public record SubSpec(String segment, String bodyKey, String display, Set<String> attributes,
            ObjectNode defaults, boolean partitioned) {
    }

    /** @return the kind of one object, e.g. {@code tm:ltm:pool:poolstate} */
    public String kind() {
        return "tm:" + path.replace('/', ':') + ":" + last() + "state";
    }

    /** @return the kind of the collection, e.g. {@code tm:ltm:pool:poolcollectionstate} */
    public String collectionKind() {
        return "tm:" + path.replace('/', ':') + ":" + last() + "collectionstate";
    }

    /**
     * @param sub a sub-collection of this type
     * @return the kind of one of its items
     */
    public String subKind(SubSpec sub) {
        return "tm:" + path.replace('/', ':') + ":" + sub.segment() + ":" + sub.segment() + "state";
    }

    /**
     * @param sub a sub-collection of this type
     * @return the kind of the sub-collection
     */
    public String subCollectionKind(SubSpec sub) {
        return "tm:" + path.replace('/', ':') + ":" + sub.segment() + ":" + sub.segment() + "collectionstate";
    }

    private String last() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * @param bodyKey a body key
     * @return the sub-collection stored under that key, or {@code null}
     */
    public SubSpec subByBodyKey(String bodyKey) {
        for (SubSpec s : subs.values()) {
            if (s.bodyKey().equals(bodyKey)) {
                return s;
            }
        }
        return null;
    }
}
