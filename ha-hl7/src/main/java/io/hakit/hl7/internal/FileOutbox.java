package io.hakit.hl7.internal;

import io.hakit.hl7.spi.Outbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-backed {@link Outbox}: an append-only journal of records
 * {@code 'A' id length bytes crc} (added, forced to disk) and {@code 'R' id crc} (removed).
 * Replayed on open; a torn or corrupt tail is cut off. Compacted (rewritten with the pending
 * entries only, then atomically moved into place) when removals dominate. Thread-safe.
 */
public final class FileOutbox implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
    private static final byte ADD = 'A';
    private static final byte REMOVE = 'R';
    private static final long COMPACT_BYTES = 4L << 20;

    private final Path file;
    private final Path lockFile;
    private final Map<Long, String> entries = new LinkedHashMap<>();
    private FileChannel channel;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long next;
    private boolean closed;

    /**
     * Opens (or creates) a journal.
     *
     * @param file the journal file
     * @throws UncheckedIOException if it cannot be read, written or locked
     */
    public FileOutbox(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        this.lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try {
            lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                lockChannel.close();
                throw new UncheckedIOException(new IOException("outbox journal " + file + " is in use by another sender"));
            }
            lock = l;
            long valid = replay();
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            if (channel.size() > valid) {
                LOG.warn("outbox journal {}: cutting off {} bytes of a torn or corrupt tail", file, channel.size() - valid);
                channel.truncate(valid);
            }
            channel.position(valid);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open outbox journal " + file + ": " + e.getMessage(), e);
        }
    }

    private long replay() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all);
        long valid = 0;
        while (buf.remaining() >= 13) {
            int start = buf.position();
            byte type = buf.get();
            long id = buf.getLong();
            if (type == ADD) {
                if (buf.remaining() < 4) {
                    break;
                }
                int len = buf.getInt();
                if (len < 0 || buf.remaining() < (long) len + 4) {
                    break;
                }
                byte[] bytes = new byte[len];
                buf.get(bytes);
                int crc = buf.getInt();
                if (crc != crc(all, start, buf.position() - 4 - start)) {
                    break;
                }
                entries.put(id, new String(bytes, StandardCharsets.UTF_8));
            } else if (type == REMOVE) {
                int crc = buf.getInt();
                if (crc != crc(all, start, 9)) {
                    break;
                }
                entries.remove(id);
            } else {
                break;
            }
            next = Math.max(next, id);
            valid = buf.position();
        }
        return valid;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 c = new CRC32();
        c.update(bytes, offset, length);
        return (int) c.getValue();
    }

    private static byte[] addRecord(long id, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 4 + bytes.length + 4);
        b.put(ADD).putLong(id).putInt(bytes.length).put(bytes);
        b.putInt(crc(b.array(), 0, b.position()));
        return b.array();
    }

    private static byte[] removeRecord(long id) {
        ByteBuffer b = ByteBuffer.allocate(13);
        b.put(REMOVE).putLong(id);
        b.putInt(crc(b.array(), 0, 9));
        return b.array();
    }

    @Override
    public synchronized long add(String message) {
        Objects.requireNonNull(message, "message");
        checkOpen();
        long id = ++next;
        try {
            write(addRecord(id, message));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to outbox journal " + file + ": " + e.getMessage(), e);
        }
        entries.put(id, message);
        return id;
    }

    @Override
    public synchronized void remove(long id) {
        checkOpen();
        if (entries.remove(id) == null) {
            return;
        }
        try {
            write(removeRecord(id));
            if (channel.size() > COMPACT_BYTES) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to outbox journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(byte[] record) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(record);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private void compact() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Map.Entry<Long, String> e : entries.entrySet()) {
                ByteBuffer b = ByteBuffer.wrap(addRecord(e.getKey(), e.getValue()));
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            out.force(true);
        }
        channel.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        channel.position(channel.size());
        LOG.debug("outbox journal {} compacted to {} pending entries", file, entries.size());
    }

    @Override
    public synchronized List<Entry> pending() {
        List<Entry> list = new ArrayList<>(entries.size());
        entries.forEach((id, m) -> list.add(new Entry(id, m)));
        return list;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("outbox journal " + file + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("closing outbox journal {} failed", file, e);
        }
    }
}
