/**
 * GB/T 28181 access (issue 10): the backend as a lower-level SIP server (platform) that cameras and NVRs register
 * to. It keeps the registration state (table {@code gb_registration}), the channels of each device
 * ({@code gb_channel}), the recorded intervals RecordInfo returns ({@code gb_record_interval}, {@code gb_record_query}),
 * the REGISTER throttle ({@code gb_auth_failure}) and the nonce key ({@code gb_server_key}), all in the database so
 * that any replica answers any device. What it observes becomes results of the source {@code GB28181} through
 * {@link org.xueliang.tracker.monitoring.PlatformObservations}, the same state machine as the agents' probes.
 * Protocol and settings: docs/GB28181.md.
 */
package org.xueliang.tracker.gb28181;
