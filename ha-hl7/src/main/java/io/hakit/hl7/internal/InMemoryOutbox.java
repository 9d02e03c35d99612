package io.hakit.hl7.internal;

import io.hakit.hl7.spi.Outbox;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The in-memory {@link Outbox}. Thread-safe. */
public final class InMemoryOutbox implements Outbox {

    private final Map<Long, String> entries = new LinkedHashMap<>();
    private long next;

    @Override
    public synchronized long add(String message) {
        Objects.requireNonNull(message, "message");
        long id = ++next;
        entries.put(id, message);
        return id;
    }

    @Override
    public synchronized void remove(long id) {
        entries.remove(id);
    }

    @Override
    public synchronized List<Entry> pending() {
        List<Entry> list = new ArrayList<>(entries.size());
        entries.forEach((id, m) -> list.add(new Entry(id, m)));
        return list;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
