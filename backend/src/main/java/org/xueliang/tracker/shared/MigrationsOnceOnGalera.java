package org.xueliang.tracker.shared;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Lets only one instance at a time migrate a MariaDB Galera database. Flyway serialises instances with
 * {@code GET_LOCK} on MariaDB, but not when {@code wsrep_on} is set: there it locks its schema history rows with
 * {@code SELECT … FOR UPDATE}, and every DDL statement commits implicitly and drops that lock, so two replicas
 * starting at once both ran V2 and both stopped (found with scripts/cluster.sh, docs/CLUSTER.md). {@code GET_LOCK}
 * does work on a Galera node, for the sessions on that node; every replica reaches the same node first through the
 * {@code sequential} JDBC URL, so holding it on a connection of the application's pool around the migration
 * serialises them. Elsewhere (H2, MariaDB or MySQL without Galera) Flyway's own locking is used unchanged.
 */
@Component
class MigrationsOnceOnGalera implements FlywayMigrationStrategy {

    static final String LOCK = "xueliang-flyway-migrate";
    private static final int WAIT_SECONDS = 900;
    private static final Logger log = LoggerFactory.getLogger(MigrationsOnceOnGalera.class);

    private final DataSource dataSource;

    MigrationsOnceOnGalera(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Flyway flyway) {
        try (Connection lockHolder = dataSource.getConnection()) {
            if (!galera(lockHolder)) {
                flyway.migrate();
                return;
            }
            if (!query(lockHolder, "SELECT GET_LOCK('" + LOCK + "', " + WAIT_SECONDS + ")")) {
                throw new IllegalStateException("Another instance has been migrating this Galera database for "
                        + WAIT_SECONDS + " s; not migrating at the same time");
            }
            try {
                log.info("Galera: migrating under the node lock '{}'", LOCK);
                flyway.migrate();
            } finally {
                query(lockHolder, "SELECT RELEASE_LOCK('" + LOCK + "')");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the migration lock", e);
        }
    }

    private static boolean galera(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product == null || !(product.contains("MariaDB") || product.contains("MySQL"))) {
            return false;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
            return r.next() && "ON".equalsIgnoreCase(r.getString(2));
        }
    }

    private static boolean query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() && r.getInt(1) == 1;
        }
    }
}
