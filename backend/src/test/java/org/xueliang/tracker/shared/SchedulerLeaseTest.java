package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

/** One replica holds a lease at a time; it renews its own, and another takes it only after it expired. */
@OnMariaDb
class SchedulerLeaseTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private SchedulerLease replica(String holder, Instant now) {
        return new SchedulerLease(jdbc, Clock.fixed(now, ZoneOffset.UTC), holder);
    }

    @Test
    void theHolderRenewsAndOthersWaitUntilItExpires() {
        String job = unique("lease");
        assertThat(replica("a", T0).tryAcquire(job, MINUTE)).as("first taker").isTrue();
        assertThat(replica("b", T0.plusSeconds(30)).tryAcquire(job, MINUTE)).as("held by a").isFalse();
        assertThat(replica("a", T0.plusSeconds(50)).tryAcquire(job, MINUTE)).as("a renews").isTrue();
        assertThat(replica("b", T0.plusSeconds(100)).tryAcquire(job, MINUTE)).as("renewed until 110 s").isFalse();
        assertThat(replica("b", T0.plusSeconds(111)).tryAcquire(job, MINUTE)).as("expired: b takes over").isTrue();
        assertThat(replica("a", T0.plusSeconds(112)).tryAcquire(job, MINUTE)).as("now b's").isFalse();
    }

    @Test
    void runsTheWorkOnlyUnderTheLease() {
        String job = unique("lease");
        List<String> ran = new ArrayList<>();
        replica("a", T0).runUnder(job, MINUTE, () -> ran.add("a"));
        replica("b", T0).runUnder(job, MINUTE, () -> ran.add("b"));
        assertThat(ran).containsExactly("a");
    }

    @Test
    void exactlyOneOfManyReplicasStartingAtOnceGetsIt() throws Exception {
        String job = unique("lease");
        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> won = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                SchedulerLease lease = replica("r" + i, T0);
                Callable<Boolean> take = () -> {
                    start.await();
                    return lease.tryAcquire(job, MINUTE);
                };
                won.add(pool.submit(take));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : won) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
