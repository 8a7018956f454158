package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.TestDatabase;

/**
 * Production's other driver: mysql-connector-j (what a MySQL 8 installation uses, {@code jdbc:mysql://})
 * migrates a fresh MariaDB database, Hibernate validates against it, the reference dataset seeds, and
 * the API answers. No MySQL 8 server is packaged for Debian 12, so the server here is MariaDB.
 */
@ContextConfiguration(initializers = TestDatabase.MySqlDriverOnMariaDb.class)
@ExtendWith(TestDatabase.MariaDbReachable.class)
class MySqlConnectorOnMariaDbTest extends ApiTestSupport {

    @Autowired
    private Environment environment;

    @Test
    void migratesSeedsAndServesThroughMysqlConnectorJ() throws Exception {
        assertThat(environment.getProperty("spring.datasource.url")).startsWith("jdbc:mysql://");
        assertThat(jdbc.getDataSource().getConnection().getMetaData().getDriverName()).containsIgnoringCase("MySQL Connector");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history", Long.class))
                .isGreaterThanOrEqualTo(7);
        assertThat(getJson("/api/v1/devices?projectId={p}&size=1", PROJECT).get("total").asLong()).isEqualTo(94);
        assertThat(getJson("/api/v1/projects/{id}", PROJECT).get("county").asString()).isEqualTo("稷山县");
        assertThat(getJson("/api/v1/metrics/availability?projectId={p}&from=2021-08-24&to=2022-08-23&groupBy=tier", PROJECT)
                .get("groups")).isNotNull();
    }
}
