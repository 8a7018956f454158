/**
 * Health monitoring (issue 3): device states from probe results (UP, DEGRADED, DOWN, UNKNOWN),
 * outages as intervals, raw results, daily rollups, agents and their ingest. This base package is the module's
 * published API: the events and value types other modules use ({@link org.xueliang.tracker.monitoring.DeviceState},
 * {@link org.xueliang.tracker.monitoring.DeviceStateChanged}, {@link org.xueliang.tracker.monitoring.ProbeFactsReported},
 * …) and the services they call ({@link org.xueliang.tracker.monitoring.PlatformObservations},
 * {@link org.xueliang.tracker.monitoring.DeviceFactReads}). Each capability is a sub-package: {@code agent},
 * {@code ingest}, {@code status}, {@code rollup}, {@code maintenance}, {@code discovery}; {@code status} and
 * {@code rollup} publish a few types as named interfaces. The rules live in
 * {@link org.xueliang.tracker.monitoring.ingest.StateMachine}, plain Java.
 */
package org.xueliang.tracker.monitoring;
