package org.xueliang.tracker.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.ledger.CameraDirectory;
import org.xueliang.tracker.testing.ApiTestSupport;
import org.xueliang.tracker.testing.OnMariaDb;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A real InnoDB deadlock between two transactions: the one the database picks as the loser runs again and both
 * finish, and the retry is counted (what a Galera certification failure looks like to the app: error 1213 too).
 */
@OnMariaDb
class TransactionRetriesTest extends ApiTestSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    TransactionTemplate transactionTemplate;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CameraDirectory aTransactionalService;

    /** Takes the lock on row {@code first}, waits until the other side holds its first row, then wants {@code second}. */
    public static class CrossingUpdates {
        private final org.springframework.jdbc.core.JdbcTemplate jdbc;
        final AtomicInteger attempts = new AtomicInteger();
        final CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);

        public CrossingUpdates(org.springframework.jdbc.core.JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public void update(String first, String second) throws Exception {
            boolean firstAttempt = attempts.incrementAndGet() <= 2;
            jdbc.update("UPDATE scheduler_lease SET holder = ? WHERE name = ?", second, first);
            if (firstAttempt) {
                bothHoldTheirFirstRow.await(20, TimeUnit.SECONDS);
            }
            jdbc.update("UPDATE scheduler_lease SET holder = ? WHERE name = ?", first, second);
        }
    }

    @Test
    void theDeadlockLoserRunsAgainAndIsCounted() throws Exception {
        String a = unique("deadlock-a");
        String b = unique("deadlock-b");
        insertLease(a);
        insertLease(b);
        CrossingUpdates target = new CrossingUpdates(jdbc);
        CrossingUpdates updates = proxiedLikeTheApplication(target);
        double before = retries("deadlock");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> both = List.of(
                    pool.submit(() -> { updates.update(a, b); return null; }),
                    pool.submit(() -> { updates.update(b, a); return null; }));
            for (Future<Object> f : both) {
                f.get(60, TimeUnit.SECONDS); // throws if a side failed for good
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(target.attempts.get()).as("two first attempts and one retry").isEqualTo(3);
        assertThat(retries("deadlock") - before).isEqualTo(1.0);
    }

    @Test
    void theTransactionTemplateRunsAgainAfterADeadlock() throws Exception {
        String a = unique("deadlock-a");
        String b = unique("deadlock-b");
        insertLease(a);
        insertLease(b);
        AtomicInteger attempts = new AtomicInteger();
        CyclicBarrier bothHoldTheirFirstRow = new CyclicBarrier(2);
        double before = retries("deadlock");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> both = List.of(a, b).stream().map(first -> pool.submit(() -> transactionTemplate.execute(status -> {
                String second = first.equals(a) ? b : a;
                boolean firstAttempt = attempts.incrementAndGet() <= 2;
                jdbc.update("UPDATE scheduler_lease SET holder = 'x' WHERE name = ?", first);
                if (firstAttempt) {
                    try {
                        bothHoldTheirFirstRow.await(20, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return jdbc.update("UPDATE scheduler_lease SET holder = 'y' WHERE name = ?", second);
            }))).map(f -> (Future<Object>) (Future<?>) f).toList();
            for (Future<Object> f : both) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(transactionTemplate).isInstanceOf(RetryingTransactionTemplate.class);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(retries("deadlock") - before).isEqualTo(1.0);
    }

    @Test
    void everyTransactionalBeanRetriesOutsideItsTransaction() {
        assertThat(AopUtils.isAopProxy(aTransactionalService)).isTrue();
        List<Class<?>> advisors = List.of(((Advised) aTransactionalService).getAdvisors()).stream()
                .<Class<?>>map(Object::getClass)
                .filter(c -> c == TransactionRetryAdvisor.class || BeanFactoryTransactionAttributeSourceAdvisor.class.isAssignableFrom(c))
                .toList();
        assertThat(advisors).as("retry outside, then the transaction")
                .containsExactly(TransactionRetryAdvisor.class, BeanFactoryTransactionAttributeSourceAdvisor.class);
    }

    @Test
    void aFailureThatRetryingCannotFixIsNotRetried() {
        double before = retries("deadlock") + retries("lock_wait_timeout") + retries("wsrep_not_ready");
        AtomicInteger attempts = new AtomicInteger();
        try {
            transactionTemplate.execute(status -> {
                attempts.incrementAndGet();
                return jdbc.update("UPDATE no_such_table SET x = 1");
            });
        } catch (RuntimeException expected) {
            // a bad statement stays bad
        }
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(retries("deadlock") + retries("lock_wait_timeout") + retries("wsrep_not_ready")).isEqualTo(before);
    }

    /** The advisors the application applies to its own beans, in the application's order. */
    @SuppressWarnings("unchecked")
    private <T> T proxiedLikeTheApplication(T target) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        List<Advisor> advisors = new java.util.ArrayList<>(context.getBeansOfType(Advisor.class).values());
        AnnotationAwareOrderComparator.sort(advisors);
        advisors.stream().filter(ad -> ad instanceof TransactionRetryAdvisor || ad instanceof BeanFactoryTransactionAttributeSourceAdvisor)
                .forEach(proxy::addAdvisor);
        return (T) proxy.getProxy();
    }

    private void insertLease(String name) {
        jdbc.update("INSERT INTO scheduler_lease (name, holder, lease_until) VALUES (?, 'test', CURRENT_TIMESTAMP)", name);
    }

    private double retries(String reason) {
        return meters.get("xl.db.transaction.retries").tag("reason", reason).counter().count();
    }
}
