package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * The schema on production's engine: Flyway migrates an empty MariaDB database (created latin1,
 * upstream's default), Hibernate validates the mapping against it, and every table stores utf8mb4.
 * Shares its context with {@link LedgerApiOnMariaDbTest}, which round-trips Chinese text through the API.
 */
@OnMariaDb
class MariaDbMigrationTest extends ApiTestSupport {

    @Autowired
    private Environment environment;

    @Test
    void flywayAppliedEveryMigrationToTheEmptyDatabase() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).startsWith("xl_it_");
        List<String> versions = jdbc.queryForList(
                "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank", String.class);
        assertThat(versions).startsWith("1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()",
                String.class)).contains("project", "device", "device_lifecycle_event", "app_user", "audit_log",
                "audit_chain_head");
    }

    @Test
    void hibernateValidatedTheMappingAgainstTheMigratedSchema() {
        // The context only starts when validation passes; make sure validation was really asked for.
        assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE project_id = ?", Long.class, PROJECT)).isEqualTo(94);
    }

    @Test
    void everyTableAndTextColumnIsUtf8mb4() {
        assertThat(jdbc.queryForObject("SELECT @@character_set_database", String.class)).isEqualTo("latin1");
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name <> 'flyway_schema_history' AND table_collation NOT LIKE 'utf8mb4%'", String.class)).isEmpty();
        assertThat(jdbc.queryForList("SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'"
                + " AND character_set_name IS NOT NULL AND character_set_name <> 'utf8mb4'", String.class)).isEmpty();
    }

    @Test
    void seededChineseTextReadsBackUnchanged() {
        assertThat(jdbc.queryForObject("SELECT county FROM project WHERE id = ?", String.class, PROJECT)).isEqualTo("稷山县");
        assertThat(jdbc.queryForObject("SELECT unit FROM quantity_target WHERE project_id = ? AND seq = 1", String.class, PROJECT))
                .isEqualTo("台");
        assertThat(jdbc.queryForObject("SELECT name FROM site WHERE code = 'CQ-01'", String.class)).isEqualTo("稷峰街与后稷路交叉口");
    }
}
