package org.xueliang.tracker.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The checkpoint file outside the database ({@code xl.audit.checkpoint-log}, by default
 * {@code XL_DATA_DIR/audit-checkpoints.log}): one signed {@link Checkpoint#line()} per checkpoint,
 * only ever appended. Someone who can change the database but not this file cannot make a checkpoint
 * disappear: verification compares the two. Lines starting with {@code #} are comments.
 */
@Component
class CheckpointLog {

    /** The checkpoints read from the file, and where it held something else (line numbers, or the whole file when unreadable). */
    record Read(List<Checkpoint> checkpoints, List<String> unreadable) {
    }

    private final Path file;

    CheckpointLog(@Value("${xl.audit.checkpoint-log:${xl.data-dir:./data}/audit-checkpoints.log}") String file) {
        this.file = Path.of(file);
    }

    /** Appends and forces the line to disk before answering. */
    synchronized void append(Checkpoint checkpoint) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((checkpoint.line() + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit checkpoint file " + file, e);
        }
    }

    Read read() {
        List<Checkpoint> out = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Read(out, unreadable);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    out.add(Checkpoint.parse(line));
                } catch (IllegalArgumentException e) {
                    unreadable.add("line " + (i + 1));
                }
            }
            return new Read(out, unreadable);
        } catch (IOException e) {
            // reported by verify as an unreadable checkpoint file rather than a failed request
            unreadable.add("the whole file (" + e.getClass().getSimpleName() + ")");
            return new Read(out, unreadable);
        }
    }

    Path file() {
        return file;
    }
}
