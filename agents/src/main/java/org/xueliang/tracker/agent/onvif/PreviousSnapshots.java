package org.xueliang.tracker.agent.onvif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each camera's previous scheduled snapshot, reduced ({@link org.xueliang.tracker.agent.vqd.ReducedPicture}), one file
 * per camera in the agent's own directory ({@code <spool>/vqd-previous/<deviceId>.jpg}): the scheduled check judges
 * FREEZE against it, and it is on disk so an agent restart does not lose it. Without a directory (tests, tools)
 * nothing is kept and FREEZE is never judged. A file that cannot be written or read is logged and treated as
 * absent: a missing previous only means one check without FREEZE.
 */
public final class PreviousSnapshots {

    private static final Logger log = LoggerFactory.getLogger(PreviousSnapshots.class);

    private final Path dir;

    private PreviousSnapshots(Path dir) {
        this.dir = dir;
    }

    /** Kept in {@code dir} (created when missing). */
    public static PreviousSnapshots in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the VQD directory " + dir, e);
        }
        return new PreviousSnapshots(dir);
    }

    /** Keeps nothing. */
    public static PreviousSnapshots none() {
        return new PreviousSnapshots(null);
    }

    public Optional<byte[]> load(long deviceId) {
        if (dir == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(deviceId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Cannot read the previous VQD snapshot of device {}: {}", deviceId, e.toString());
            return Optional.empty();
        }
    }

    /** Replaces the camera's previous snapshot; written aside and moved in, so a crash never leaves half a file. */
    public void save(long deviceId, byte[] reduced) {
        if (dir == null) {
            return;
        }
        Path target = file(deviceId);
        Path tmp = dir.resolve(deviceId + ".jpg.tmp");
        try {
            Files.write(tmp, reduced);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.warn("Cannot keep the VQD snapshot of device {}: {}", deviceId, e.toString());
        }
    }

    private Path file(long deviceId) {
        return dir.resolve(deviceId + ".jpg");
    }
}
