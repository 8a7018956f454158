package org.xueliang.tracker.gb28181;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * Repeated wrong REGISTER digests per (device code, source host), in {@code gb_auth_failure} so every replica counts
 * the same: {@link GbSettings#authMaxFailures()} failures within {@link GbSettings#authBlock()} block the pair for
 * that long, during which its REGISTERs get 403 without a password check (a guesser learns nothing). A success
 * clears the count. Runs inside the caller's transaction.
 */
@Component
class RegisterThrottle {

    private final JdbcTemplate jdbc;
    private final GbSettings settings;

    RegisterThrottle(JdbcTemplate jdbc, GbSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Where a (code, host) pair stands: no failure counted, failures counted but not blocked, or blocked. */
    enum Standing {
        CLEAR, COUNTING, BLOCKED
    }

    /** One read: whether the pair is blocked now, and whether it has a failure row a success must clear. */
    Standing standing(String code, String host, Instant now) {
        List<Timestamp> until = jdbc.queryForList("SELECT blocked_until FROM gb_auth_failure WHERE device_code = ? AND remote_host = ?",
                Timestamp.class, code, host);
        if (until.isEmpty()) {
            return Standing.CLEAR;
        }
        return until.get(0) != null && GbDb.instant(until.get(0)).isAfter(now) ? Standing.BLOCKED : Standing.COUNTING;
    }

    /** Counts a failure; answers whether this one blocked the pair. */
    boolean failed(String code, String host, Instant now) {
        List<Object[]> rows = jdbc.query("SELECT failures, window_start FROM gb_auth_failure WHERE device_code = ? AND remote_host = ?"
                + " FOR UPDATE", (rs, i) -> new Object[] {rs.getInt(1), GbDb.instant(rs.getTimestamp(2))}, code, host);
        if (rows.isEmpty()) {
            try {
                jdbc.update("INSERT INTO gb_auth_failure (device_code, remote_host, failures, window_start) VALUES (?, ?, 1, ?)",
                        code, host, GbDb.ts(now));
                return blockIfReached(code, host, 1, now);
            } catch (DuplicateKeyException countedMeanwhile) {
                return failed(code, host, now);
            }
        }
        Instant windowStart = (Instant) rows.get(0)[1];
        boolean windowOver = windowStart.plus(settings.authBlock()).isBefore(now);
        int failures = windowOver ? 1 : (Integer) rows.get(0)[0] + 1;
        jdbc.update("UPDATE gb_auth_failure SET failures = ?, window_start = ?, blocked_until = NULL WHERE device_code = ?"
                + " AND remote_host = ?", failures, GbDb.ts(windowOver ? now : windowStart), code, host);
        return blockIfReached(code, host, failures, now);
    }

    private boolean blockIfReached(String code, String host, int failures, Instant now) {
        if (failures < settings.authMaxFailures()) {
            return false;
        }
        jdbc.update("UPDATE gb_auth_failure SET blocked_until = ?, failures = 0, window_start = ? WHERE device_code = ?"
                + " AND remote_host = ?", GbDb.ts(now.plus(settings.authBlock())), GbDb.ts(now), code, host);
        return true;
    }

    /**
     * Successes clear their pairs' counts, in one batch. The caller passes only pairs {@link #standing} found COUNTING:
     * most REGISTERs have no failure row, and a DELETE for nothing is a statement per REGISTER. A failure counted by
     * another REGISTER between that read and this success stays counted (it expires with its window).
     */
    void succeeded(List<Object[]> codeAndHostPairs) {
        if (!codeAndHostPairs.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM gb_auth_failure WHERE device_code = ? AND remote_host = ?", codeAndHostPairs);
        }
    }
}
