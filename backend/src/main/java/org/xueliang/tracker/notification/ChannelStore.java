package org.xueliang.tracker.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Channels and the send log (whose unique key makes each (channel, event) go out once). */
@Repository
class ChannelStore {

    private static final RowMapper<Channel> ROW = (rs, n) -> new Channel(rs.getLong("id"), rs.getString("name"),
            ChannelKind.valueOf(rs.getString("kind")), rs.getString("target"), rs.getString("secret_cipher") != null,
            rs.getBoolean("enabled"), rs.getTimestamp("created_at").toLocalDateTime().toInstant(ZoneOffset.UTC));

    private final JdbcTemplate jdbc;

    ChannelStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Channel> all() {
        return jdbc.query("SELECT * FROM notification_channel ORDER BY name", ROW);
    }

    List<Channel> enabled() {
        return jdbc.query("SELECT * FROM notification_channel WHERE enabled = TRUE ORDER BY id", ROW);
    }

    Optional<Channel> find(long id) {
        return jdbc.query("SELECT * FROM notification_channel WHERE id = ?", ROW, id).stream().findFirst();
    }

    String secretCipher(long id) {
        return jdbc.queryForObject("SELECT secret_cipher FROM notification_channel WHERE id = ?", String.class, id);
    }

    /** Claims the (channel, event) pair; false when it was claimed before (a duplicate). */
    boolean claim(long channelId, String eventKey, Long deviceId) {
        try {
            jdbc.update("INSERT INTO notification_log (channel_id, event_key, device_id, sent_at, outcome) VALUES (?,?,?,?,?)",
                    channelId, eventKey, deviceId, ts(Instant.now()), "SENDING");
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    void outcome(long channelId, String eventKey, String outcome, String error) {
        jdbc.update("UPDATE notification_log SET outcome = ?, error = ?, sent_at = ? WHERE channel_id = ? AND event_key = ?",
                outcome, error == null ? null : error.substring(0, Math.min(500, error.length())), ts(Instant.now()),
                channelId, eventKey);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
