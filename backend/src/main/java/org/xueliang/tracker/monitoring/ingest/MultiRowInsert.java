package org.xueliang.tracker.monitoring.ingest;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows as one {@code INSERT … VALUES (…), (…), … [ON DUPLICATE KEY UPDATE …]} statement (in chunks), where
 * a JDBC batch would be one statement per row. MariaDB Connector/J sends a batch of plain INSERTs as one bulk command,
 * but not a batch of {@code INSERT … ON DUPLICATE KEY UPDATE} (bulk needs a server feature of MariaDB 11.5+ for those)
 * nor of UPDATEs: it pipelines them one by one, and bench/ingest counted 1,010 INSERT statements per batch of 500
 * results, each parsed and run by the server (docs/BENCHMARKS.md "Ingest"). One statement of 500 rows costs the server
 * a fraction of that. The values are written with {@link InlineSql} (numbers, codes and instants in the text, free text
 * bound). H2 (MariaDB mode) takes the same syntax.
 *
 * @param <T> what a row is made from
 */
final class MultiRowInsert<T> {

    /** Rows per statement: 500 rows of 10 columns make a statement of a few tens of KB, far below max_allowed_packet. */
    static final int ROWS_PER_STATEMENT = 500;

    /** Writes one row's values, comma-separated, without the parentheses. */
    @FunctionalInterface
    interface RowWriter<T> {
        void write(InlineSql sql, T row);
    }

    private final String head;
    private final String tail;
    private final int bytesPerRow;
    private final RowWriter<T> writer;

    /**
     * @param head        {@code INSERT INTO t (a, b, …) VALUES}
     * @param tail        {@code ON DUPLICATE KEY UPDATE …}, or empty
     * @param bytesPerRow about how long a row's text is (sizes the buffer)
     * @param writer      the row's values, in the order of {@code head}'s columns
     */
    MultiRowInsert(String head, String tail, int bytesPerRow, RowWriter<T> writer) {
        this.head = head;
        this.tail = tail;
        this.bytesPerRow = bytesPerRow;
        this.writer = writer;
    }

    void write(JdbcTemplate jdbc, List<T> rows) {
        inChunks(rows, chunk -> {
            InlineSql sql = new InlineSql(head, head.length() + tail.length() + chunk.size() * bytesPerRow);
            for (int i = 0; i < chunk.size(); i++) {
                sql.sql(i == 0 ? " (" : ",(");
                writer.write(sql, chunk.get(i));
                sql.sql(')');
            }
            if (!tail.isEmpty()) {
                sql.sql(' ').sql(tail);
            }
            sql.update(jdbc);
        });
    }

    /** Hands {@code rows} to {@code statement} in consecutive chunks of at most {@link #ROWS_PER_STATEMENT}. */
    static <R> void inChunks(List<R> rows, Consumer<List<R>> statement) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            statement.accept(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }
}
