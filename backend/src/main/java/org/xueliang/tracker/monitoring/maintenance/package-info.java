/**
 * Maintenance windows: planned, approved periods in which a device's state does not count against its availability
 * (the rollups keep that time apart). Table: {@code maintenance_window}.
 */
package org.xueliang.tracker.monitoring.maintenance;
