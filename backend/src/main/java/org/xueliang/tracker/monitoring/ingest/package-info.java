/**
 * From probe results to device states: {@link org.xueliang.tracker.monitoring.ingest.IngestService} applies each
 * batch exactly once, screens it, combines sources ({@code SourceRule}) and runs the
 * {@link org.xueliang.tracker.monitoring.ingest.StateMachine} per device; the silence sweeper turns silent devices
 * UNKNOWN. Tables: {@code agent_batch}, {@code probe_result}, {@code device_status}, {@code device_source_status},
 * {@code device_state_interval}, {@code device_fact}, {@code device_reboot}.
 */
package org.xueliang.tracker.monitoring.ingest;
