/**
 * Probe agents (issue 3, issue 12): their registration and hashed tokens, the agent protocol (assignment, batches,
 * heartbeats, VQD snapshot uploads) behind its own security chain and request limits, which devices each agent
 * probes ({@link org.xueliang.tracker.monitoring.agent.AssignmentService}), and the embedded agent of each replica
 * with its rendezvous share of zone {@code local}. Table: {@code probe_agent}.
 */
package org.xueliang.tracker.monitoring.agent;
