package org.xueliang.tracker.bench.cluster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.monitoring.rollup.CategoryRollups;
import org.xueliang.tracker.monitoring.rollup.RollupService;
import org.xueliang.tracker.shared.TransactionRetries;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The fault test's rollup step (scripts/lib/cluster-faults.sh, docs/CLUSTER.md "Fault test"): runs the backend's own
 * {@link RollupService#rollUp} for the given county days against a node of the cluster, as the scheduled catch-up does
 * for a finished day. The scheduled job rolls up only days that are over, and a fault run lies inside one day, so the
 * test calls the same code for the day(s) it touched; an interval still open counts until the day's end, on both sides
 * of the comparison. The script then compares {@code device_daily_rollup} with its own SQL recomputation.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* org.xueliang.tracker.bench.cluster.RollUpDays JDBC_URL USER ZONE DAY...</pre>
 * The password comes from the environment ({@code XL_DB_PASSWORD}), never the command line.
 */
public final class RollUpDays {

    private RollUpDays() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: RollUpDays JDBC_URL USER ZONE DAY... (password in XL_DB_PASSWORD)");
            System.exit(2);
        }
        Clock clock = Clock.system(ZoneId.of(args[2]));
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(args[0]);
            ds.setUsername(args[1]);
            ds.setPassword(System.getenv().getOrDefault("XL_DB_PASSWORD", ""));
            ds.setMaximumPoolSize(2);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
            TransactionRetries retries = new TransactionRetries(new SimpleMeterRegistry());
            RollupService rollups = new RollupService(jdbc, clock, new CategoryRollups(jdbc, clock, transactions, retries), transactions, retries);
            // As RollupService.catchUp runs each day: its own READ COMMITTED transaction (rollUp's annotation needs a proxy).
            TransactionTemplate dayTransaction = new TransactionTemplate(transactions);
            dayTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
            for (int i = 3; i < args.length; i++) {
                LocalDate day = LocalDate.parse(args[i]);
                Integer rows = dayTransaction.execute(status -> rollups.rollUp(day));
                System.out.println("rolled up " + day + ": " + rows + " devices");
            }
        }
    }
}
