package org.xueliang.tracker.monitoring.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.agent.probe.Reason;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.monitoring.DeviceStateChanged;
import org.xueliang.tracker.monitoring.ingest.StatusStore;
import org.xueliang.tracker.shared.BeforeCommitBatch;

/**
 * The table {@code status_change_feed} (V31): every device state change, written by the transaction that makes it,
 * read by each replica's {@link StatusStream}. Writing in the same transaction is what makes the feed exact: a
 * change is in the feed if and only if it was committed, whichever replica (ingest, silence sweeper) made it.
 */
@Component
class StatusChangeFeed {

    /** A feed row: its id orders the rows (not strictly by commit, see {@link FeedCursor}). */
    record Entry(long id, DeviceStateChanged change) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StatusChangeFeed(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Synchronous, so the row joins the publisher's transaction (ingest and the sweeper publish inside theirs). Within
     * a transaction the rows are collected and written in one batch just before it commits (a batch of results that
     * changes hundreds of states costs one round trip, not hundreds); a failure there rolls the change back with them.
     * Outside a transaction the row is written at once.
     */
    @EventListener
    void record(DeviceStateChanged c) {
        BeforeCommitBatch.add(this, c, this::insert);
    }

    private void insert(List<DeviceStateChanged> changes) {
        Timestamp now = StatusStore.ts(clock.instant());
        jdbc.batchUpdate("INSERT INTO status_change_feed (device_id, from_state, to_state, changed_at, reason, recorded_at)"
                + " VALUES (?,?,?,?,?,?)", changes.stream().map(c -> new Object[] {c.deviceId(), c.from().name(), c.to().name(),
                StatusStore.ts(c.at()), c.reason() == null ? null : c.reason().name(), now}).toList());
    }

    /** The highest id written so far (0 for none): where a replica that just started begins. */
    long lastId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM status_change_feed", Long.class);
        return max == null ? 0 : max;
    }

    /** Up to {@code limit} rows above {@code id}, in id order (primary key range: cost bounded by the limit). */
    List<Entry> after(long id, int limit) {
        return jdbc.query("SELECT id, device_id, from_state, to_state, changed_at, reason FROM status_change_feed"
                + " WHERE id > ? ORDER BY id LIMIT ?", StatusChangeFeed::entry, id, limit);
    }

    /** The rows among {@code ids} that exist by now (ids a poll found missing, see {@link FeedCursor#pending}). */
    List<Entry> withIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT id, device_id, from_state, to_state, changed_at, reason FROM status_change_feed"
                + " WHERE id IN (" + String.join(",", ids.stream().map(i -> "?").toList()) + ") ORDER BY id",
                StatusChangeFeed::entry, ids.toArray());
    }

    /** Deletes the rows recorded before {@code before}; answers how many. */
    int deleteBefore(Instant before) {
        return jdbc.update("DELETE FROM status_change_feed WHERE recorded_at < ?", StatusStore.ts(before));
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("reason");
        return new Entry(rs.getLong("id"), new DeviceStateChanged(rs.getLong("device_id"),
                DeviceState.valueOf(rs.getString("from_state")), DeviceState.valueOf(rs.getString("to_state")),
                StatusStore.instant(rs.getTimestamp("changed_at")), reason == null ? null : Reason.valueOf(reason)));
    }
}
