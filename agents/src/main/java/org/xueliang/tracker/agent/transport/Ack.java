package org.xueliang.tracker.agent.transport;

/**
 * The backend's answer to a batch: applied now, or already applied earlier ({@code duplicate}). Either way the
 * batch is acknowledged and leaves the spool.
 */
public record Ack(long seq, boolean duplicate, int applied, int rejected) {
}
