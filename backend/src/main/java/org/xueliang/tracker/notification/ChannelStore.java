package org.xueliang.tracker.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Channels, each with the standing of its notices in the outbox ({@link NotificationOutbox}). */
@Repository
class ChannelStore {

    private static final RowMapper<Channel> ROW = (rs, n) -> new Channel(rs.getLong("id"), rs.getString("name"),
            ChannelKind.valueOf(rs.getString("kind")), rs.getString("target"), rs.getString("secret_cipher") != null,
            rs.getBoolean("enabled"), rs.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC),
            rs.getLong("pending_notices"), rs.getLong("failed_notices"), rs.getString("last_failure"));
    /** A channel with how its notices stand in the outbox (the outbox belongs to this module too). */
    private static final String SELECT = "SELECT c.*,"
            + " (SELECT COUNT(*) FROM notification_outbox o WHERE o.channel_id = c.id AND o.status = 'PENDING') AS pending_notices,"
            + " (SELECT COUNT(*) FROM notification_outbox o WHERE o.channel_id = c.id AND o.status = 'FAILED') AS failed_notices,"
            + " (SELECT o.last_error FROM notification_outbox o WHERE o.channel_id = c.id AND o.status = 'FAILED'"
            + " ORDER BY o.id DESC LIMIT 1) AS last_failure"
            + " FROM notification_channel c";

    private final JdbcTemplate jdbc;

    ChannelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Channel> all() {
        return jdbc.query(SELECT + " ORDER BY c.name", ROW);
    }

    /** The enabled channels, without their outbox figures (left at 0): this runs in every state change's transaction. */
    List<Channel> enabled() {
        return jdbc.query("SELECT c.*, 0 AS pending_notices, 0 AS failed_notices, NULL AS last_failure"
                + " FROM notification_channel c WHERE c.enabled = TRUE ORDER BY c.id", ROW);
    }

    Optional<Channel> find(long id) {
        return jdbc.query(SELECT + " WHERE c.id = ?", ROW, id).stream().findFirst();
    }

    String secretCipher(long id) {
        return jdbc.queryForObject("SELECT secret_cipher FROM notification_channel WHERE id = ?", String.class, id);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
