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
