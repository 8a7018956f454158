package org.xueliang.tracker.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Key files outside the database (the secret cipher's key, the audit signing key) are readable by their owner only. */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Sets mode 0600 where the file system has POSIX permissions. */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own ACL protects the file.
        }
    }

    /**
     * Creates {@code file} holding {@code content}, owner-only, unless it exists: atomically, so that when several
     * replicas start at once on a fresh shared data directory exactly one of them creates it and every one then reads
     * that one's key. Answers whether this call created it; either way the caller reads the file afterwards.
     *
     * <p>The content is written completely to a temporary file in the same directory first and then published by a
     * hard link, which fails when the name exists (link(2) never replaces). {@code Files.move} would not do: without
     * REPLACE_EXISTING it checks and then renames (two starters can both pass the check, the second rename replacing
     * the first key), and with ATOMIC_MOVE rename(2) replaces an existing file. Where the file system has no hard
     * links, the file is created with CREATE_NEW (also exclusive) and written in one call.
     */
    public static boolean createOnce(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            restrict(tmp);
            Files.write(tmp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try {
                Files.createLink(file, tmp);
                return true;
            } catch (FileAlreadyExistsException another) {
                return false; // another starter published its file first: the caller reads that one
            } catch (UnsupportedOperationException noHardLinks) {
                return createNew(file, content);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean createNew(Path file, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC)) {
            restrict(file);
            out.write(content);
            return true;
        } catch (FileAlreadyExistsException another) {
            return false;
        }
    }
}
