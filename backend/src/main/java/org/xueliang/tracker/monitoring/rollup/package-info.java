/**
 * Daily rollups (SPEC §5): {@link org.xueliang.tracker.monitoring.rollup.RollupService} turns state intervals into
 * one {@link org.xueliang.tracker.monitoring.rollup.DailyRollup} per device and day each night and prunes raw
 * results; {@link org.xueliang.tracker.monitoring.rollup.CategoryRollups} keeps the per-group sums availability reads.
 * These three are the named interface {@code rollup}. Tables: {@code device_daily_rollup}, {@code category_daily_rollup},
 * {@code category_rollup_day}, {@code category_rollup_lock}.
 */
package org.xueliang.tracker.monitoring.rollup;
