/**
 * Reading device states: {@link org.xueliang.tracker.monitoring.status.StatusQueries} (published to other modules
 * as the named interface {@code status}), the status API, the live SSE stream fed by the {@code status_change_feed}
 * rows every replica polls, and the Prometheus gauges. Table: {@code status_change_feed} (and its retention).
 */
package org.xueliang.tracker.monitoring.status;
