package org.xueliang.tracker.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link ApiTestSupport} test against an in-memory H2 database in MySQL mode. Every class
 * carrying this annotation shares one cached Spring context (and so one database).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestDatabase.H2.class)
public @interface OnH2 {
}
