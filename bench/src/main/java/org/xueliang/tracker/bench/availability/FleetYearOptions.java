package org.xueliang.tracker.bench.availability;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The options every benchmark over the generated fleet-year shares ({@code --devices N --days D --runs R --reuse}),
 * plus the flags a benchmark names for itself, and the database it works in: dropped and created anew unless
 * {@code --reuse} finds it (generating 100,000 devices × 365 days takes minutes; a rerun on the same data does not).
 */
public final class FleetYearOptions {

    public int devices = 100_000;
    public int days = 365;
    public int runs;
    public boolean reuse;
    private final Set<String> flags = new LinkedHashSet<>();

    /** Parses {@code args}; {@code knownFlags} are the benchmark's own switches, e.g. {@code --no-compare}. */
    public static FleetYearOptions parse(String[] args, int defaultRuns, String... knownFlags) {
        FleetYearOptions o = new FleetYearOptions();
        o.runs = defaultRuns;
        Set<String> known = Set.of(knownFlags);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--devices" -> o.devices = Integer.parseInt(args[++i]);
                case "--days" -> o.days = Integer.parseInt(args[++i]);
                case "--runs" -> o.runs = Integer.parseInt(args[++i]);
                case "--reuse" -> o.reuse = true;
                default -> {
                    if (!known.contains(args[i])) {
                        throw new IllegalArgumentException("unknown option " + args[i] + " (use --devices N --days D"
                                + " --runs R --reuse " + String.join(" ", Arrays.asList(knownFlags)) + ")");
                    }
                    o.flags.add(args[i]);
                }
            }
        }
        return o;
    }

    /** Whether the benchmark's own switch {@code flag} was given. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /**
     * Gives MariaDB the buffer pool a server for this fleet size has (docs/CLUSTER.md "Sizing": 60–70 % of RAM, at least
     * the hot rollup tables): a stock install has 128 MB, where a year of 100,000 devices (≈ 3 GB of daily rows) is read
     * from disk and the benchmark would time the disk. {@code -Dbench.buffer-pool-mb} (default 4096; 0 leaves it alone).
     * Answers what puts the old size back at the end, since the server is shared with the tests.
     */
    public static AutoCloseable sizeBufferPool(HikariDataSource admin) {
        long wantedMb = Long.getLong("bench.buffer-pool-mb", 4096);
        JdbcTemplate a = new JdbcTemplate(admin);
        long before = a.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class);
        if (wantedMb <= 0 || before >= wantedMb << 20) {
            System.out.printf("MariaDB buffer pool: %d MB%n", before >> 20);
            return () -> { };
        }
        a.execute("SET GLOBAL innodb_buffer_pool_size = " + (wantedMb << 20));
        System.out.printf("MariaDB buffer pool: %d MB → %d MB for this run (-Dbench.buffer-pool-mb; put back at the end)%n",
                before >> 20, a.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class) >> 20);
        return () -> a.execute("SET GLOBAL innodb_buffer_pool_size = " + before);
    }

    /**
     * Makes sure database {@code db} exists on the server behind {@code admin}: dropped and created empty unless
     * {@code --reuse} was given and it exists. Answers whether it is fresh, i.e. the fleet-year must be loaded.
     */
    public boolean prepareDatabase(HikariDataSource admin, String db) {
        JdbcTemplate a = new JdbcTemplate(admin);
        boolean fresh = !reuse || a.queryForList("SHOW DATABASES LIKE '" + db + "'").isEmpty();
        if (fresh) {
            a.execute("DROP DATABASE IF EXISTS " + db);
            a.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
        }
        return fresh;
    }
}
