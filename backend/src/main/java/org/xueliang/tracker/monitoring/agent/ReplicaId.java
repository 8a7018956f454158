package org.xueliang.tracker.monitoring.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The stable id of one backend replica, which names its embedded agent ({@code embedded-<id>}): configured
 * ({@code xl.agent.embedded.replica-id}, e.g. a host name) or else kept in {@code <data-dir>/replica-id}, created
 * once, so a restarted replica is the same agent again — same row, same spool, its batches go on where they stopped.
 * A data dir that already has an embedded spool but no id file is an installation from before replica ids: it keeps
 * the name it always had, {@code embedded-local}, so its pending batches stay with the agent row they belong to.
 */
final class ReplicaId {

    static final String FILE = "replica-id";
    /** The id of a data dir from before replica ids: its agent was {@code embedded-local}. */
    static final String BEFORE_REPLICA_IDS = "local";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,55}");

    private ReplicaId() {
    }

    static String resolve(String configured, Path dataDir, Path embeddedSpool) {
        if (configured != null && !configured.isBlank()) {
            return checked(configured.trim(), "xl.agent.embedded.replica-id");
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return checked(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
            }
            String id = Files.isDirectory(embeddedSpool) ? BEFORE_REPLICA_IDS : UUID.randomUUID().toString().substring(0, 12);
            Files.createDirectories(dataDir);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the replica id " + file + ": " + e.getMessage(), e);
        }
    }

    private static String checked(String id, String source) {
        if (!VALID.matcher(id).matches()) {
            throw new IllegalStateException("The replica id '" + id + "' (" + source + ") must be 1-55 letters, digits, '.', '_' or '-'");
        }
        return id;
    }
}
