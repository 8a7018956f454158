package org.xueliang.tracker.monitoring;

import org.xueliang.tracker.monitoring.agent.AgentVqdSnapshots;

import java.time.Instant;

/**
 * The picture a scheduled VQD check of a camera judged, received from the camera's agent (the standalone agent's
 * upload or the embedded agent in-process) after {@link AgentVqdSnapshots} checked it. Published synchronously inside
 * that transaction; module {@code vqd} keeps the latest per camera. {@code checkedAt} is the check's
 * {@code vqd.checkedAt} fact, so the picture and the verdicts of one check carry the same time.
 */
public record VqdSnapshotReceived(long deviceId, Instant checkedAt, Instant receivedAt, byte[] jpeg, int width, int height) {
}
