package org.xueliang.tracker.shared;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The way scheduled work takes a lease so that only one backend replica runs it (docs/ARCHITECTURE.md
 * "Scheduled work"). One row per job in {@code scheduler_lease}: a replica takes it with one atomic
 * UPDATE when the lease is its own or has expired, or with an INSERT the first time (the primary key
 * lets exactly one INSERT win). The holder keeps the lease by taking it again on every run, so a job
 * stays on one replica until that replica stops; then another takes over once {@code lease_until}
 * has passed. Replicas' clocks must agree to well within the lease's length (NTP).
 */
@Component
public class SchedulerLease {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** This replica, as the lease table names it: process, host and a per-start random part. */
    private final String holder;

    @Autowired
    public SchedulerLease(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8));
    }

    SchedulerLease(JdbcTemplate jdbc, Clock clock, String holder) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.holder = holder.length() > 128 ? holder.substring(0, 128) : holder;
    }

    /** Takes or renews lease {@code name} for {@code length}; false when another replica holds it. */
    public boolean tryAcquire(String name, Duration length) {
        Instant now = clock.instant();
        Timestamp until = utc(now.plus(length));
        int renewed = jdbc.update("UPDATE scheduler_lease SET holder = ?, lease_until = ? WHERE name = ?"
                + " AND (holder = ? OR lease_until < ?)", holder, until, name, holder, utc(now));
        if (renewed == 1) {
            return true;
        }
        try {
            return jdbc.update("INSERT INTO scheduler_lease (name, holder, lease_until) VALUES (?, ?, ?)", name, holder, until) == 1;
        } catch (DataIntegrityViolationException held) {
            return false; // the row exists and is another replica's, unexpired
        }
    }

    /** Runs {@code work} when this replica holds (or now takes) lease {@code name}; answers whether it ran. */
    public boolean runUnder(String name, Duration length, Runnable work) {
        if (!tryAcquire(name, length)) {
            return false;
        }
        work.run();
        return true;
    }

    public String holder() {
        return holder;
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }
}
