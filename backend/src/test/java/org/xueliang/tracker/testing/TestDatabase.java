package org.xueliang.tracker.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * The databases the API tests run on. Each is a context initializer, so the choice is part of
 * Spring's context cache key: all tests on one database share one context.
 */
public final class TestDatabase {

    private TestDatabase() {
    }

    static String randomSuffix() {
        byte[] bytes = new byte[5];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void use(ConfigurableApplicationContext context, String name, String url, String user, String password) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(name, Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password,
                // The checkpoint file outside the database belongs to one database (docs/SECURITY.md): one per test database.
                "xl.audit.checkpoint-log", "target/test-data/audit-checkpoints-" + randomSuffix() + ".log")));
    }

    /** H2 in memory, MySQL mode: the embedded default's dialect without a file. */
    public static final class H2 implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            use(context, "xl-test-h2", "jdbc:h2:mem:xl_" + randomSuffix()
                    + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
        }
    }

    /** A fresh MariaDB database per context, created here and dropped when the context closes. */
    public static final class MariaDb implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final String SERVER_URL = env("XL_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        static final String USER = env("XL_TEST_DB_USER", "root");
        static final String PASSWORD = env("XL_TEST_DB_PASSWORD", "");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            initialize(context, false);
        }

        /** @param mysqlDriver connect through mysql-connector-j (production's driver for MySQL 8) instead of MariaDB's */
        static void initialize(ConfigurableApplicationContext context, boolean mysqlDriver) {
            String database = "xl_it_" + randomSuffix();
            // latin1 on purpose: upstream MariaDB's default. The schema itself must ask for utf8mb4,
            // or Chinese names break on a server that was not configured for them.
            execute("CREATE DATABASE " + database + " CHARACTER SET latin1");
            String drop = "DROP DATABASE IF EXISTS " + database;
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    execute(drop);
                }
            });
            // A context that fails to start is never closed: drop its database when the JVM ends.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(drop), "drop-" + database));
            String url = databaseUrl(database);
            use(context, "xl-test-mariadb", mysqlDriver ? url.replaceFirst("^jdbc:mariadb:", "jdbc:mysql:") : url, USER, PASSWORD);
        }

        /**
         * A fresh MariaDB database for a test that starts application instances itself (several on one
         * database, say): its JDBC URL; dropped when the JVM ends.
         */
        public static String freshDatabaseUrl() {
            String database = "xl_it_" + randomSuffix();
            execute("CREATE DATABASE " + database + " CHARACTER SET latin1");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + database), "drop-" + database));
            return databaseUrl(database);
        }

        public static String user() {
            return USER;
        }

        public static String password() {
            return PASSWORD;
        }

        static String databaseUrl(String database) {
            int query = SERVER_URL.indexOf('?');
            String base = query < 0 ? SERVER_URL : SERVER_URL.substring(0, query);
            String params = query < 0 ? "" : SERVER_URL.substring(query);
            return (base.endsWith("/") ? base : base + "/") + database + params;
        }

        static void execute(String sql) {
            try (Connection c = DriverManager.getConnection(SERVER_URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("MariaDB is not reachable at " + SERVER_URL + " as user '" + USER + "' ("
                        + e.getMessage() + "). The backend tests need it: run ./scripts/test.sh, which installs and"
                        + " starts MariaDB on 127.0.0.1:3306, or point XL_TEST_DB_URL, XL_TEST_DB_USER and"
                        + " XL_TEST_DB_PASSWORD at a server where this user may create databases.", e);
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** The real MariaDB through mysql-connector-j: the driver a MySQL 8 installation uses. */
    public static final class MySqlDriverOnMariaDb implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MariaDb.initialize(context, true);
        }
    }

    /** Fails every test of a class up front, with the fix in the message, when MariaDB does not answer. */
    public static final class MariaDbReachable implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            MariaDb.execute("SELECT 1");
        }
    }
}
