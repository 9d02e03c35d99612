package io.hakit.hl7.spi;

import io.hakit.hl7.internal.FileOutbox;
import io.hakit.hl7.internal.InMemoryOutbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a {@link io.hakit.hl7.FailoverMllpSender} keeps every message it has accepted until
 * the message is acknowledged (or handed back), so that a sender opened again on the same
 * outbox sends what was accepted but never acknowledged. Nothing accepted is lost as long as
 * the outbox survives.
 *
 * <p>Implementations must be thread-safe and return {@link #pending()} in the order of
 * {@link #add}. Two are provided: {@link #inMemory()} (survives nothing but the sender's
 * own failovers) and {@link #journal(Path)} (an append-only file that survives a restart of
 * the process).
 */
public interface Outbox extends AutoCloseable {

    /**
     * Stores an accepted message before it is sent.
     *
     * @param message the message text (HL7, segments ending in CR)
     * @return an identifier, increasing with every call
     */
    long add(String message);

    /**
     * Forgets a message: it was acknowledged or handed back to the caller.
     *
     * @param id the identifier returned by {@link #add}
     */
    void remove(long id);

    /**
     * The messages added and not removed, oldest first.
     *
     * @return the pending entries
     */
    List<Entry> pending();

    /**
     * Releases the outbox's resources; pending entries stay stored (for a journal).
     */
    @Override
    void close();

    /**
     * An outbox in memory (the default): it covers failovers, not a restart of the process.
     *
     * @return a new, empty outbox
     */
    static Outbox inMemory() {
        return new InMemoryOutbox();
    }

    /**
     * A file-backed journal: every accepted message is appended and forced to the disk
     * before {@code add} returns; acknowledgements are appended as removal records; the
     * file is compacted when it holds mostly removed entries. A torn record at the end
     * (a crash mid-write) is ignored. The file is locked against a second sender.
     *
     * @param file the journal file (created if absent; its directory must exist)
     * @return the outbox holding the entries still pending in the file
     * @throws NullPointerException if {@code file} is null
     * @throws java.io.UncheckedIOException if the file cannot be read, written or locked
     */
    static Outbox journal(Path file) {
        return new FileOutbox(Objects.requireNonNull(file, "file"));
    }

    /**
     * A stored message.
     *
     * @param id the identifier returned by {@link Outbox#add}
     * @param message the message text
     */
    record Entry(long id, String message) {
        /**
         * Validates the entry.
         *
         * @param id the identifier
         * @param message the message text
         * @throws NullPointerException if {@code message} is null
         */
        public Entry {
            Objects.requireNonNull(message, "message");
        }
    }
}
