package io.hakit.iis.internal;

import io.hakit.iis.ConfigFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a configuration file safely: the real file behind a symbolic link is the one changed; the
 * file is locked and checked unchanged since it was read; a timestamped backup and the new content are
 * written with the original's permissions (POSIX mode, and the ACL where the file system has one)
 * beside the real file; the new content is moved over the real file atomically. Stateless.
 */
public final class SafeFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SafeFileWriter.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SafeFileWriter() {
    }

    /**
     * @param file the file as named (possibly a symbolic link)
     * @param source the name used in messages
     * @param original the bytes read from it
     * @param modified its modification time when read
     * @param merged the new content
     * @param backupDirectory where the backup goes; the real file's own directory when empty
     * @param clock the clock for the backup's timestamp
     * @return the backup's path
     * @throws ConfigFileException when the file is read-only, locked, changed since it was read, or cannot
     *     be written; the file is then unchanged
     */
    public static Path replace(Path file, String source, byte[] original, Optional<FileTime> modified, byte[] merged,
            Optional<Path> backupDirectory, Clock clock) {
        Path temp = null;
        try {
            Path target = file.toRealPath();
            Path dir = target.getParent();
            if (readOnly(target)) {
                throw new ConfigFileException(source, 0, "is read-only; nothing was written");
            }
            Path backup;
            // Locks are mandatory on Windows: everything is checked through the locked channel, which is closed
            // again just before the move (the move itself is atomic).
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    throw new ConfigFileException(source, 0, "is locked by another process; nothing was written");
                }
                unchangedSinceRead(target, source, channel, original, modified);
                backup = backup(target, original, backupDirectory.orElse(dir), clock);
                temp = Files.createTempFile(dir, "." + target.getFileName(), ".hakit.tmp");
                Files.write(temp, merged, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                        LinkOption.NOFOLLOW_LINKS);
                copyPermissions(target, temp);
                unchangedSinceRead(target, source, channel, original, modified);
                lock.release();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LOG.debug("replaced {} ({} bytes), backup {}", target, merged.length, backup);
            return backup;
        } catch (AtomicMoveNotSupportedException e) {
            throw new ConfigFileException(source, "cannot be replaced atomically in its directory; nothing was written",
                    e);
        } catch (AccessDeniedException e) {
            throw new ConfigFileException(source, 0, "cannot be written: permission denied; nothing was written");
        } catch (IOException e) {
            throw new ConfigFileException(source, "cannot be written (" + e.getMessage() + "); nothing was written", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("cannot delete {}: {}", temp, e.toString());
                }
            }
        }
    }

    private static void unchangedSinceRead(Path file, String source, FileChannel channel, byte[] original,
            Optional<FileTime> modified) throws IOException {
        FileTime now = Files.getLastModifiedTime(file);
        long size = channel.size();
        if (size != original.length) {
            throw changed(source, now);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        long at = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        byte[] current = Arrays.copyOf(buffer.array(), buffer.position());
        if (!Arrays.equals(current, original) || !modified.map(now::equals).orElse(false)) {
            throw changed(source, now);
        }
    }

    private static ConfigFileException changed(String source, FileTime now) {
        return new ConfigFileException(source, 0, "was changed by another writer since hakit read it (modified "
                + now + "); nothing was written: read it again and re-run");
    }

    private static Path backup(Path file, byte[] original, Path directory, Clock clock) throws IOException {
        Files.createDirectories(directory);
        String base = file.getFileName() + "." + STAMP.format(clock.instant());
        Path backup = directory.resolve(base + ".bak");
        for (int i = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); i++) {
            backup = directory.resolve(base + "-" + i + ".bak");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            // created no wider than the original (the umask can only narrow it), then set exactly
            Set<PosixFilePermission> mode = posix.readAttributes().permissions();
            Files.createFile(backup, PosixFilePermissions.asFileAttribute(mode));
        } else {
            Files.createFile(backup);
        }
        copyPermissions(file, backup);
        Files.write(backup, original, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                LinkOption.NOFOLLOW_LINKS);
        return backup;
    }

    /**
     * Gives {@code to} the permissions of {@code from}: the POSIX mode, and the ACL where the file system
     * has ACLs (Windows, NFSv4, ZFS).
     *
     * @param from the original
     * @param to the new file
     * @throws IOException when they cannot be read or set
     */
    public static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        if (posix != null) {
            Files.setPosixFilePermissions(to, posix.readAttributes().permissions());
        }
        AclFileAttributeView acl = Files.getFileAttributeView(from, AclFileAttributeView.class);
        AclFileAttributeView toAcl = Files.getFileAttributeView(to, AclFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (acl != null && toAcl != null) {
            toAcl.setAcl(acl.getAcl());
        }
    }

    /**
     * @param file a file
     * @return whether its owner may read it
     * @throws IOException when its attributes cannot be read
     */
    public static boolean readable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_READ)) {
            return false;
        }
        return Files.isReadable(file);
    }

    private static boolean readOnly(Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null && !view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)) {
                return true;
            }
            if (view == null) {
                DosFileAttributes dos = Files.readAttributes(file, DosFileAttributes.class);
                if (dos.isReadOnly()) {
                    return true;
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot read the attributes of {}: {}", file, e.toString());
        }
        return !Files.isWritable(file);
    }
}
