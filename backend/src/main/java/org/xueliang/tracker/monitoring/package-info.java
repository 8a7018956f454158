/**
 * Health monitoring (issue 3): device states from probe results (UP, DEGRADED, DOWN, UNKNOWN),
 * outages as intervals, raw results, daily rollups, agents and their ingest. The rules live in
 * {@link org.xueliang.tracker.monitoring.StateMachine}, plain Java.
 */
package org.xueliang.tracker.monitoring;
