/**
 * Accounts and access: users with one role each (ADMIN, MANAGER, EVALUATOR, TECHNICIAN), the
 * permission matrix ({@link org.xueliang.tracker.identity.Role}), login with lockout, the security
 * filter chain, browser sessions in the database (Spring Session JDBC, ended by
 * {@link org.xueliang.tracker.identity.SessionRevoker} when a user's rights change), and the project
 * scope other modules confine their queries to ({@link org.xueliang.tracker.identity.CurrentUser}).
 */
package org.xueliang.tracker.identity;
