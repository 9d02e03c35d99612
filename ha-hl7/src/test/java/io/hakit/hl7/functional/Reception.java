package io.hakit.hl7.functional;

import io.hakit.hl7.Hl7Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the receivers saw, in the order they saw it, across every listener: what a user would check. */
final class Reception {

    private final List<String> order = new ArrayList<>();
    private final List<String> where = new ArrayList<>();

    synchronized void record(String listener, Hl7Message message) {
        order.add(message.controlId());
        where.add(listener);
    }

    synchronized int size() {
        return order.size();
    }

    synchronized List<String> all() {
        return List.copyOf(order);
    }

    /** Control IDs in order of first reception. */
    synchronized List<String> firstReceptions() {
        return List.copyOf(new java.util.LinkedHashSet<>(order));
    }

    /** Control IDs received more than once, with their counts. */
    synchronized Map<String, Integer> duplicates() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String id : order) {
            counts.merge(id, 1, Integer::sum);
        }
        counts.values().removeIf(c -> c == 1);
        return counts;
    }

    /** Control IDs received by one listener, in order. */
    synchronized List<String> receivedBy(String listener) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (where.get(i).equals(listener)) {
                ids.add(order.get(i));
            }
        }
        return ids;
    }

    /** How many first receptions are out of send order. */
    static int reordered(List<String> sent, List<String> firstReceptions) {
        Map<String, Integer> position = new LinkedHashMap<>();
        for (int i = 0; i < sent.size(); i++) {
            position.put(sent.get(i), i);
        }
        int out = 0;
        int last = -1;
        for (String id : firstReceptions) {
            int p = position.getOrDefault(id, -1);
            if (p < last) {
                out++;
            } else {
                last = p;
            }
        }
        return out;
    }
}
