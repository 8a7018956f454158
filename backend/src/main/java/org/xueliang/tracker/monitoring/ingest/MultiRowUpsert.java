package org.xueliang.tracker.monitoring.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows as one {@code INSERT … VALUES (…), (…), … ON DUPLICATE KEY UPDATE …} statement (in chunks), where
 * a JDBC batch would be one statement per row. MariaDB Connector/J sends a batch of plain INSERTs as one bulk command,
 * but not a batch of {@code INSERT … ON DUPLICATE KEY UPDATE} (bulk needs a server feature of MariaDB 11.5+ for those)
 * nor of UPDATEs: it pipelines them one by one, and bench/ingest counted 1,010 INSERT statements per batch of 500
 * results, each parsed and run by the server (docs/BENCHMARKS.md "Ingest"). One statement of 500 rows costs the server
 * a fraction of that. H2 (MariaDB mode) takes the same syntax.
 */
final class MultiRowUpsert {

    /** Rows per statement: 500 rows of 10 columns make a statement of a few tens of KB, far below max_allowed_packet. */
    static final int ROWS_PER_STATEMENT = 500;

    private final String head;
    private final String tail;
    private final String placeholders;

    /**
     * @param head   {@code INSERT INTO t (a, b, …) VALUES}
     * @param columns how many values a row has
     * @param tail   {@code ON DUPLICATE KEY UPDATE …}
     */
    MultiRowUpsert(String head, int columns, String tail) {
        this.head = head;
        this.tail = tail;
        this.placeholders = "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
    }

    void write(JdbcTemplate jdbc, List<Object[]> rows) {
        inChunks(rows, chunk -> {
            List<Object> args = new ArrayList<>(chunk.size() * chunk.get(0).length);
            chunk.forEach(row -> Collections.addAll(args, row));
            jdbc.update(head + " " + String.join(",", Collections.nCopies(chunk.size(), placeholders)) + " " + tail,
                    args.toArray());
        });
    }

    /** Hands {@code rows} to {@code statement} in consecutive chunks of at most {@link #ROWS_PER_STATEMENT}. */
    static void inChunks(List<Object[]> rows, Consumer<List<Object[]>> statement) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            statement.accept(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
        }
    }
}
