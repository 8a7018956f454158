package org.xueliang.tracker.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code notification_outbox} table (docs/NOTIFICATIONS.md): one row per (channel, notice).
 *
 * <p>A row is PENDING until it is sent (SENT) or its last attempt failed (FAILED). A worker owns a row
 * while {@code claim_until} lies ahead; it takes it with one conditional UPDATE, which one replica wins
 * (on Galera the loser's statement fails certification and counts as not claimed). Nothing here
 * relies on {@code SELECT … FOR UPDATE SKIP LOCKED} or on row locks, which Galera does not share.
 */
@Repository
class NotificationOutbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private static final String INSERT = "INSERT IGNORE INTO notification_outbox (channel_id, event_key, device_id, status,"
            + " title, body, event_json, attempts, next_attempt_at, created_at) VALUES (?,?,?,?,?,?,?,0,?,?)";

    /** A claimed row: what to send, on which channel, and how many sends (this one included) it has had. */
    record Claimed(long id, long channelId, int attempts, Notice notice) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    NotificationOutbox(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds {@code notice} for {@code channelId}, due now, in the caller's transaction; a notice with the same
     * event key for that channel is there already when this answers false (INSERT IGNORE on the unique key,
     * which H2 in MySQL mode and MariaDB both understand).
     */
    boolean enqueue(long channelId, Notice notice, Instant now) {
        return jdbc.update(INSERT, row(channelId, notice, now)) == 1;
    }

    /** Adds every notice for every channel, due now, in the caller's transaction, in one batch (duplicates ignored). */
    void enqueueAll(List<Long> channelIds, List<Notice> notices, Instant now) {
        List<Object[]> rows = new ArrayList<>(channelIds.size() * notices.size());
        notices.forEach(notice -> channelIds.forEach(channelId -> rows.add(row(channelId, notice, now))));
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    private Object[] row(long channelId, Notice notice, Instant now) {
        return new Object[] {channelId, notice.eventKey(), notice.deviceId() == 0 ? null : notice.deviceId(), PENDING,
                cut(notice.title()), notice.text(), json.writeValueAsString(notice.event()), ts(now), ts(now)};
    }

    /** Ids of rows due at {@code now} and not claimed by a live worker, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT id FROM notification_outbox WHERE status = ? AND next_attempt_at <= ?"
                + " AND (claim_until IS NULL OR claim_until < ?) ORDER BY next_attempt_at, id LIMIT " + limit,
                Long.class, PENDING, ts(now), ts(now));
    }

    /** Takes row {@code id} for {@code holder} until {@code until}; empty when it is not due or another worker has it. */
    Optional<Claimed> claim(long id, String holder, Instant now, Instant until) {
        int taken;
        try {
            taken = jdbc.update("UPDATE notification_outbox SET claimed_by = ?, claim_until = ?, attempts = attempts + 1"
                            + " WHERE id = ? AND status = ? AND next_attempt_at <= ? AND (claim_until IS NULL OR claim_until < ?)",
                    holder, ts(until), id, PENDING, ts(now), ts(now));
        } catch (ConcurrencyFailureException lostOnAnotherNode) {
            return Optional.empty();
        }
        if (taken != 1) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, channel_id, event_key, device_id, attempts, title, body, event_json"
                + " FROM notification_outbox WHERE id = ?", (rs, n) -> new Claimed(rs.getLong("id"), rs.getLong("channel_id"),
                rs.getInt("attempts"), new Notice(rs.getString("event_key"), rs.getLong("device_id"), rs.getString("title"),
                rs.getString("body"), json.readValue(rs.getString("event_json"), Notice.Event.class))), id).stream().findFirst();
    }

    /** Marks a claimed row sent. False when the claim had expired and another worker took the row meanwhile. */
    boolean sent(long id, String holder, Instant now) {
        return jdbc.update("UPDATE notification_outbox SET status = ?, sent_at = ?, claim_until = NULL, last_error = NULL"
                + " WHERE id = ? AND claimed_by = ?", SENT, ts(now), id, holder) == 1;
    }

    /** After a failed send: due again at {@code retryAt}, or FAILED for good when {@code retryAt} is null. */
    void failed(long id, String holder, String error, Instant now, Instant retryAt) {
        jdbc.update("UPDATE notification_outbox SET status = ?, next_attempt_at = ?, claim_until = NULL, last_error = ?"
                        + " WHERE id = ? AND claimed_by = ?", retryAt == null ? FAILED : PENDING, ts(retryAt == null ? now : retryAt),
                cut(error), id, holder);
    }

    /** Deletes up to {@code chunk} SENT and FAILED rows created before {@code cutoff}; answers how many. */
    int purgeChunk(Instant cutoff, int chunk) {
        return jdbc.update("DELETE FROM notification_outbox WHERE status IN (?, ?) AND created_at < ? LIMIT " + chunk,
                SENT, FAILED, ts(cutoff));
    }

    long count(String status) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    void forgetChannel(long channelId) {
        jdbc.update("DELETE FROM notification_outbox WHERE channel_id = ?", channelId);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
