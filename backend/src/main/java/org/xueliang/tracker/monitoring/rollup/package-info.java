/**
 * Daily rollups (SPEC §5): {@link org.xueliang.tracker.monitoring.rollup.RollupService} turns state intervals into
 * one {@link org.xueliang.tracker.monitoring.rollup.DailyRollup} per device and day each night and prunes raw
 * results; {@link org.xueliang.tracker.monitoring.rollup.CategoryRollups} keeps the per-group sums availability reads,
 * and through {@link org.xueliang.tracker.monitoring.rollup.DeviceMonthRollups} the per-device monthly sums.
 * The first three are the named interface {@code rollup}; other modules read the sums through the read models
 * {@code monitoring_device_day}, {@code monitoring_device_month}, {@code monitoring_category_day} (V38). Tables:
 * {@code device_daily_rollup}, {@code device_monthly_rollup}, {@code device_rollup_month}, {@code category_daily_rollup},
 * {@code category_rollup_day}, {@code category_rollup_lock}.
 */
package org.xueliang.tracker.monitoring.rollup;
