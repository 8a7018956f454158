package org.xueliang.tracker.monitoring.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.xueliang.tracker.shared.TransactionRetries;

/**
 * The rollups build their transactions by hand (bench/ builds these classes too), and those transactions are run
 * again on a deadlock or Galera certification failure like every other one: a day's rollup and a catch-up of category
 * rollups each lose one race here (error 1213 on their first write) and still commit, counted as retries.
 */
class RollupRetryTest {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final LocalDate BEFORE = TODAY.minusDays(2);

    @Test
    void aDayRollupAndACategoryCatchUpThatLoseARaceRunAgainAndCommit() {
        DataSource db = migratedH2();
        LosingOnce jdbc = new LosingOnce(db);
        // a synthetic day without category rollups (what demo mode leaves): catchUp rolls up yesterday, then builds it
        jdbc.update("INSERT INTO device_daily_rollup (device_id, rollup_day, up_s, degraded_s, down_s, unknown_s,"
                + " maintenance_s, outages, reboots, synthetic) VALUES (1, ?, 86400, 0, 0, 0, 0, 0, 0, TRUE)", Date.valueOf(BEFORE));
        jdbc.lose("DELETE FROM device_daily_rollup", YESTERDAY);
        jdbc.lose("DELETE FROM category_daily_rollup", BEFORE);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        TransactionRetries retries = new TransactionRetries(meters);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db);
        Clock clock = Clock.fixed(TODAY.atTime(12, 0).atZone(COUNTY).toInstant(), COUNTY);
        CategoryRollups categories = new CategoryRollups(jdbc, clock, transactions, retries);

        new RollupService(jdbc, clock, categories, transactions, retries).catchUp();

        assertThat(jdbc.lost).containsExactly("DELETE FROM device_daily_rollup " + YESTERDAY,
                "DELETE FROM category_daily_rollup " + BEFORE);
        assertThat(jdbc.queryForList("SELECT rollup_day FROM category_rollup_day ORDER BY rollup_day", LocalDate.class))
                .as("both transactions committed on their second attempt").containsExactly(BEFORE, YESTERDAY);
        Counter deadlocks = meters.find(TransactionRetries.METRIC).tag("reason", "deadlock").counter();
        assertThat(deadlocks).isNotNull();
        assertThat(deadlocks.count()).isEqualTo(2.0);
    }

    private static DataSource migratedH2() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:rollup_retry_" + UUID.randomUUID().toString()
                .replace("-", "") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** Fails the first run of each armed statement (by its start and its day) the way MariaDB reports a lost race. */
    private static final class LosingOnce extends JdbcTemplate {
        private final List<String> armed = new ArrayList<>();
        final List<String> lost = new ArrayList<>();

        LosingOnce(DataSource db) {
            super(db);
        }

        void lose(String statementStart, LocalDate day) {
            armed.add(statementStart + " " + day);
        }

        @Override
        public int update(String sql, Object... args) {
            for (String a : List.copyOf(armed)) {
                String day = a.substring(a.lastIndexOf(' ') + 1);
                if (sql.startsWith(a.substring(0, a.lastIndexOf(' '))) && args.length > 0 && day.equals(String.valueOf(args[0]))) {
                    armed.remove(a);
                    lost.add(a);
                    throw new CannotAcquireLockException("lost a race (test)",
                            new SQLException("Deadlock found when trying to get lock", "40001", 1213));
                }
            }
            return super.update(sql, args);
        }
    }
}
