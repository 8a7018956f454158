package org.xueliang.tracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xueliang.tracker.XueliangTrackerApplication;
import org.xueliang.tracker.testing.TestDatabase;

/**
 * Issue 9, defect 5: two instances starting at once on an empty database both crashed with
 * {@code Duplicate entry 'FACE_CAMERA'} while seeding. Starts two whole applications at the same
 * moment on one fresh MariaDB database: both must come up, with one admin and one reference dataset.
 */
@ExtendWith(TestDatabase.MariaDbReachable.class)
class SimultaneousFirstStartTest {

    private static final String LOGGING_SYSTEM = "org.springframework.boot.logging.LoggingSystem";

    @Test
    void twoInstancesOnOneEmptyDatabaseBothStartAndSeedOnce() throws Exception {
        String url = TestDatabase.MariaDb.freshDatabaseUrl();
        // Two applications initialising Logback in one JVM at the same moment trip over each other
        // (ConcurrentModificationException in Logback's context): these two keep the logging as it is.
        String loggingSystem = System.setProperty(LOGGING_SYSTEM, "none");
        int instances = 2;
        CyclicBarrier together = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            int n = i;
            starts.add(pool.submit(() -> {
                together.await();
                // Arguments, not builder properties: those are defaults that application.yml overrides.
                return new SpringApplicationBuilder(XueliangTrackerApplication.class).run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + TestDatabase.MariaDb.user(),
                        "--spring.datasource.password=" + TestDatabase.MariaDb.password(),
                        "--server.port=0", "--server.address=127.0.0.1",
                        "--xl.data-dir=target/test-data/first-start-" + n,
                        "--xl.admin-password=First-Start-Passw0rd",
                        "--xl.agent.embedded.enabled=false",
                        "--xl.security.bcrypt-strength=4",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
            }));
        }
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            for (Future<ConfigurableApplicationContext> start : starts) {
                contexts.add(start.get(180, TimeUnit.SECONDS)); // a crash while seeding surfaces here
            }
            JdbcTemplate jdbc = contexts.get(0).getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = 'admin'", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM project", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device", Integer.class)).isEqualTo(94);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_category WHERE code = 'FACE_CAMERA'", Integer.class))
                    .isEqualTo(1);
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LOGGING_SYSTEM);
            } else {
                System.setProperty(LOGGING_SYSTEM, loggingSystem);
            }
            contexts.forEach(ConfigurableApplicationContext::close);
            pool.shutdownNow();
        }
    }
}
