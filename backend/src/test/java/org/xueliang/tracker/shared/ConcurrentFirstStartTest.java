package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xueliang.tracker.monitoring.agent.AgentService;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/**
 * Issue 12: first-start writes are race-free. Many threads (standing in for replicas starting at once) run the
 * same once-per-database step, and create the same embedded agent row, on one MariaDB database: the work is done
 * once, every caller gets the one row, and none of them fails. (SimultaneousFirstStartTest starts two whole
 * applications for the first admin and the reference dataset.)
 */
@OnMariaDb
class ConcurrentFirstStartTest extends ApiTestSupport {

    private static final int REPLICAS = 8;

    @Autowired FirstStart firstStart;
    @Autowired AgentService agents;

    @Test
    void aStepThatManyStartsRunAtOnceIsDoneExactlyOnce() throws Exception {
        String step = unique("step");
        List<Boolean> did = allAtOnce(() -> firstStart.once(step,
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM first_start_lock WHERE name = ?", Integer.class, step) > 0,
                () -> jdbc.update("INSERT INTO first_start_lock (name) VALUES (?)", step)));
        assertThat(did).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM first_start_lock WHERE name = ?", Integer.class, step)).isEqualTo(1);
    }

    @Test
    void manyStartsCreatingTheSameEmbeddedAgentAllGetTheOneRow() throws Exception {
        String name = unique("embedded");
        List<Long> ids = allAtOnce(() -> agents.ensureEmbedded(name, "local"));
        assertThat(ids).hasSize(REPLICAS).containsOnly(ids.get(0));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM probe_agent WHERE name = ?", Integer.class, name)).isEqualTo(1);
    }

    /** Runs {@code work} on {@value #REPLICAS} threads released together; any thread's exception fails the test. */
    private static <T> List<T> allAtOnce(Callable<T> work) throws Exception {
        CountDownLatch together = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                futures.add(pool.submit(() -> {
                    together.await();
                    return work.call();
                }));
            }
            together.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
