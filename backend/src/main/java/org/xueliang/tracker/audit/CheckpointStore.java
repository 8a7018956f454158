package org.xueliang.tracker.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The table {@code audit_checkpoint} (V12): the database's copy of every checkpoint. */
@Component
class CheckpointStore {

    private static final RowMapper<Checkpoint> ROW = (rs, n) -> new Checkpoint(rs.getLong("id"), rs.getLong("last_id"),
            rs.getString("last_hash"), rs.getTimestamp("signed_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
            rs.getString("key_id"), rs.getString("signature"));

    private final JdbcTemplate jdbc;

    CheckpointStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Checkpoint c) {
        jdbc.update("INSERT INTO audit_checkpoint (id, last_id, last_hash, signed_at, key_id, signature) VALUES (?,?,?,?,?,?)",
                c.id(), c.lastId(), c.lastHash(), utc(c.signedAt()), c.keyId(), c.signature());
    }

    List<Checkpoint> all() {
        return jdbc.query("SELECT * FROM audit_checkpoint ORDER BY id", ROW);
    }

    Optional<Checkpoint> latest() {
        return jdbc.query("SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT 1", ROW).stream().findFirst();
    }

    static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
