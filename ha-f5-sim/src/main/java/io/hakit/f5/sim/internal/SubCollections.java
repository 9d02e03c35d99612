package io.hakit.f5.sim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The items of sub-collections (a pool's members, a virtual's profiles, a GTM server's virtual
 * servers...): each change is made on a copy of the parent object, which is then stored through
 * {@link ConfigStore} with every rule the parent's type has, so a refused change stores nothing.
 */
final class SubCollections {
    private final ConfigStore config;
    private final ObjectTable table;
    private final ObjectRenderer renderer;

    /**
     * @param config stores the changed parents
     * @param table the objects
     * @param renderer renders the items
     */
    SubCollections(ConfigStore config, ObjectTable table, ObjectRenderer renderer) {
        this.config = config;
        this.table = table;
        this.renderer = renderer;
    }

    /**
     * {@code POST} to a sub-collection: adds an item to the parent and stores the parent.
     *
     * @param t the parent's type
     * @param parentFp the parent's full path
     * @param sub the sub-collection
     * @param body the item
     * @param rest the request path, for errors
     * @return the item as stored
     */
    JsonNode create(TypeSpec t, String parentFp, TypeSpec.SubSpec sub, JsonNode body, String rest) {
        ObjectNode parent = table.require(t, parentFp);
        ObjectNode in = FieldRules.input(sub.attributes(), body, rest);
        ObjectNode o = parent.deepCopy();
        ArrayNode items = o.has(sub.bodyKey()) ? (ArrayNode) o.get(sub.bodyKey()) : o.putArray(sub.bodyKey());
        items.add(in);
        config.store(t, parentFp, o, parent);
        ObjectNode stored = table.get(t.path(), parentFp);
        ArrayNode after = (ArrayNode) stored.get(sub.bodyKey());
        return renderer.subItemRender(t, sub, stored, (ObjectNode) after.get(after.size() - 1));
    }

    /**
     * @param t the parent's type
     * @param tg the path of the item
     * @param parent the parent
     * @return the item
     * @throws SimulatedF5Error 404 {@code 01020036:3} when the parent has no such item
     */
    ObjectNode find(TypeSpec t, ResourcePath tg, ObjectNode parent) {
        JsonNode items = parent.get(tg.sub.bodyKey());
        if (items != null) {
            for (JsonNode i : items) {
                if (key(tg.sub, i).equals(tg.subItem)) {
                    return (ObjectNode) i;
                }
            }
        }
        throw notFound(tg.sub, tg.item, tg.subItem);
    }

    private static SimulatedF5Error notFound(TypeSpec.SubSpec sub, String parentFp, String key) {
        if (sub.segment().equals("members") && sub.partitioned()) {
            String[] ap = Names.splitAddressPort(Names.nameOf(key));
            String desc = ap == null ? key : Names.partitionOf(key).isEmpty() ? key
                    : "/" + Names.partitionOf(key) + "/" + ap[0] + " " + ap[1];
            return SimulatedF5Error.tmos(404, "01020036:3: The requested " + sub.display() + " (" + parentFp + " " + desc
                    + ") was not found.", 3);
        }
        return SimulatedF5Error.tmos(404, "01020036:3: The requested " + sub.display() + " (" + parentFp + " " + key
                + ") was not found.", 3);
    }

    /**
     * @param sub a sub-collection
     * @param item one of its items
     * @return how a path names the item: its full path when items have partitions, else its name
     */
    static String key(TypeSpec.SubSpec sub, JsonNode item) {
        return sub.partitioned() ? "/" + item.path("partition").asText("Common") + "/" + item.path("name").asText()
                : item.path("name").asText();
    }

    /**
     * {@code PUT} or {@code PATCH} on an item: changes it in a copy of the parent and stores the parent.
     *
     * @param t the parent's type
     * @param tg the path of the item
     * @param body the change
     * @param replace whether it replaces the item ({@code PUT}) rather than merges into it
     * @param rest the request path, for errors
     * @return the item as stored
     */
    JsonNode update(TypeSpec t, ResourcePath tg, JsonNode body, boolean replace, String rest) {
        ObjectNode parent = table.require(t, tg.item);
        ObjectNode current = find(t, tg, parent);
        ObjectNode in = FieldRules.input(tg.sub.attributes(), body, rest);
        JsonNode n = in.remove("name");
        in.remove("partition");
        if (n != null && !n.asText().equals(current.get("name").asText())) {
            throw SimulatedF5Error.tmos(400, "The name of " + tg.subItem + " cannot be changed to " + n.asText() + ".", 1);
        }
        ObjectNode o = parent.deepCopy();
        ArrayNode items = (ArrayNode) o.get(tg.sub.bodyKey());
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (key(tg.sub, items.get(i)).equals(tg.subItem)) {
                index = i;
            }
        }
        ObjectNode item;
        if (replace) {
            item = F5SimJson.object();
            item.put("name", current.get("name").asText());
            if (tg.sub.partitioned()) {
                item.put("partition", current.path("partition").asText("Common"));
            }
        } else {
            item = current.deepCopy();
        }
        item.setAll(in);
        if (item.has("description") && item.get("description").asText().isEmpty()) {
            item.remove("description"); // BIG-IP keeps no empty description
        }
        items.set(index, item);
        config.store(t, tg.item, o, parent);
        ObjectNode stored = table.get(t.path(), tg.item);
        return renderer.subItemRender(t, tg.sub, stored, (ObjectNode) stored.get(tg.sub.bodyKey()).get(index));
    }

    /**
     * {@code DELETE} on an item: removes it from a copy of the parent and stores the parent.
     *
     * @param t the parent's type
     * @param tg the path of the item
     */
    void delete(TypeSpec t, ResourcePath tg) {
        ObjectNode parent = table.require(t, tg.item);
        find(t, tg, parent);
        ObjectNode o = parent.deepCopy();
        ArrayNode items = (ArrayNode) o.get(tg.sub.bodyKey());
        for (int i = 0; i < items.size(); i++) {
            if (key(tg.sub, items.get(i)).equals(tg.subItem)) {
                items.remove(i);
                break;
            }
        }
        config.store(t, tg.item, o, parent);
    }
}
