package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * The migrated schema can run on MariaDB Galera (docs/CLUSTER.md): Galera replicates row events by primary key, so a
 * table without one replicates slowly and, for DELETEs, inconsistently; and only InnoDB tables replicate at all.
 */
@OnMariaDb
class GaleraReadySchemaTest extends ApiTestSupport {

    @Test
    void everyTableHasAPrimaryKey() {
        List<String> withoutPrimaryKey = jdbc.queryForList("""
                SELECT t.table_name FROM information_schema.tables t
                WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                  AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c
                                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                    AND c.constraint_type = 'PRIMARY KEY')
                ORDER BY t.table_name""", String.class);
        assertThat(tableCount()).as("the schema is migrated").isGreaterThan(20);
        assertThat(withoutPrimaryKey).as("tables without a primary key").isEmpty();
    }

    @Test
    void everyTableIsInnoDb() {
        List<String> notInnoDb = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND engine <> 'InnoDB'
                ORDER BY table_name""", String.class);
        assertThat(notInnoDb).as("tables Galera would not replicate").isEmpty();
    }

    private int tableCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", Integer.class);
    }
}
