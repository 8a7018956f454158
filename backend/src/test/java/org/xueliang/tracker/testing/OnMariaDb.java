package org.xueliang.tracker.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link ApiTestSupport} test against the real MariaDB ({@code XL_TEST_DB_URL}): a fresh
 * database {@code xl_it_<random>} is created before the context starts, migrated by Flyway, and
 * dropped when the context closes. Every class carrying this annotation shares that context.
 * When MariaDB is unreachable the tests fail (never skip) and say how to start it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestDatabase.MariaDb.class)
@ExtendWith(TestDatabase.MariaDbReachable.class)
public @interface OnMariaDb {
}
