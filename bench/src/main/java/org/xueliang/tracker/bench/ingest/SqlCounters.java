package org.xueliang.tracker.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The database server's statement counters ({@code SHOW GLOBAL STATUS}) around the measured window, to say how many
 * statements of each kind one batch costs. They are server-wide: another client of the same server during the window
 * (the cluster's idle replicas, other users of a shared MariaDB) adds to them, so the figures are an upper bound.
 * With the Galera cluster they are the first node's, which takes every write of the benchmark's backend.
 */
final class SqlCounters {

    /**
     * The counters read: the statement kinds ingest sends, the commits and the log flushes, and InnoDB's redo bytes
     * ({@code Innodb_lsn_current}) and pages written back ({@code Innodb_buffer_pool_pages_flushed}), which say
     * when a long run starts paying for checkpoints.
     */
    private static final String NAMES = "'Questions','Com_select','Com_insert','Com_update','Com_delete','Com_commit',"
            + "'Com_rollback','Com_stmt_execute','Com_stmt_prepare','Com_stmt_close','Com_set_option','Innodb_os_log_fsyncs',"
            + "'Innodb_rows_inserted','Innodb_rows_updated','Innodb_rows_read',"
            + "'Innodb_lsn_current','Innodb_buffer_pool_pages_flushed'";

    private final String url;
    private final String user;
    private final String password;

    SqlCounters(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Map<String, Long> read() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN (" + NAMES + ")")) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getLong(2));
            }
        }
        return values;
    }

    /** "Questions 12.0, Com_insert 5.0, …" per batch: the counters that moved, divided by {@code batches}. */
    static String perBatch(Map<String, Long> before, Map<String, Long> after, long batches) {
        return after.entrySet().stream()
                .filter(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L) > 0)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                        (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) Math.max(1, batches)))
                .collect(Collectors.joining(", "));
    }
}
