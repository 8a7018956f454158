package org.xueliang.tracker.monitoring.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * One SQL statement of ingest's hot path, built with the values this code makes itself — numbers, enum codes and
 * instants — written into the statement's text, and free text (a result's detail) bound as parameters.
 *
 * <p>Why not bind everything: a batch's state and source rows and its IN lists are a few thousand values, and each
 * went through Spring's {@code StatementCreatorUtils} and Connector/J's codec lookup; bench/ingest's profile put the
 * binding at ~40 % of the backend's CPU (docs/BENCHMARKS.md "Ingest"). The server parses the same text either way:
 * Connector/J sends client-side prepared statements as text with the values substituted. The raw result rows are
 * the exception: they go as a bound JDBC batch, which the driver sends as one binary bulk command
 * ({@code IngestService#insertRaw}, docs/BENCHMARKS.md "Three cuts in MariaDB's share").
 *
 * <p>Safety: the only things written into the text are the fixed SQL of the callers, decimal digits, enum constant
 * names (Java identifiers: letters, digits, '_') and instants formatted here from their numbers. A string handed
 * in from outside is never written into the text: {@link #text} always binds it.
 */
final class InlineSql {

    private final StringBuilder sql;
    private final List<Object> parameters = new ArrayList<>();

    InlineSql(String fixed, int expectedLength) {
        sql = new StringBuilder(Math.max(expectedLength, fixed.length() + 16)).append(fixed);
    }

    /** Fixed SQL of the caller (keywords, names, punctuation): never data. */
    InlineSql sql(String fixed) {
        sql.append(fixed);
        return this;
    }

    InlineSql sql(char fixed) {
        sql.append(fixed);
        return this;
    }

    InlineSql number(long value) {
        sql.append(value);
        return this;
    }

    /** A number or NULL. */
    InlineSql number(Number value) {
        if (value == null) {
            sql.append("NULL");
        } else {
            sql.append(value.longValue());
        }
        return this;
    }

    /** An enum constant's name as a string literal, or NULL: names are Java identifiers, nothing to escape. */
    InlineSql code(Enum<?> value) {
        if (value == null) {
            sql.append("NULL");
        } else {
            sql.append('\'').append(value.name()).append('\'');
        }
        return this;
    }

    /**
     * A UTC wall time as a string literal {@code 'yyyy-MM-dd HH:mm:ss.ffffff'}, or NULL: microseconds, as
     * Connector/J writes a bound {@code LocalDateTime}; the column's precision (milliseconds) then applies as it did.
     */
    InlineSql instant(Instant value) {
        if (value == null) {
            sql.append("NULL");
            return this;
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(value.getEpochSecond(), value.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            // Out of the 4-digit years of DATETIME: let the database refuse it as it would a bound value.
            return text(t.toString());
        }
        sql.append('\'');
        digits(year, 4).append('-');
        digits(t.getMonthValue(), 2).append('-');
        digits(t.getDayOfMonth(), 2).append(' ');
        digits(t.getHour(), 2).append(':');
        digits(t.getMinute(), 2).append(':');
        digits(t.getSecond(), 2);
        if (t.getNano() != 0) {
            sql.append('.');
            digits(t.getNano() / 1000, 6);
        }
        sql.append('\'');
        return this;
    }

    /** Free text: always a bound parameter (or NULL), never part of the statement's text. */
    InlineSql text(String value) {
        if (value == null) {
            sql.append("NULL");
        } else {
            sql.append('?');
            parameters.add(value);
        }
        return this;
    }

    int update(JdbcTemplate jdbc) {
        // Without parameters JdbcTemplate runs a plain Statement: nothing for the driver to scan for placeholders.
        return parameters.isEmpty() ? jdbc.update(sql.toString()) : jdbc.update(sql.toString(), parameters.toArray());
    }

    void query(JdbcTemplate jdbc, RowCallbackHandler rows) {
        if (parameters.isEmpty()) {
            jdbc.query(sql.toString(), rows);
        } else {
            jdbc.query(sql.toString(), rows, parameters.toArray());
        }
    }

    @Override
    public String toString() {
        return sql.toString();
    }

    private StringBuilder digits(int value, int width) {
        for (int pad = width - 1, limit = 10; pad > 0; pad--, limit *= 10) {
            if (value < limit) {
                sql.append('0');
            }
        }
        return sql.append(value);
    }
}
