package org.xueliang.tracker.agent.transport;

import java.util.Optional;

/**
 * Where an agent's assignment comes from: the backend over HTTP ({@link BackendClient}) or, for the agent the
 * backend embeds, the backend's own assignment service.
 */
public interface AssignmentSource {

    /** An assignment and its version tag (an HTTP ETag, or any string that changes when the assignment does). */
    record Versioned(AgentAssignment assignment, String version) {
    }

    /**
     * The current assignment, or empty when it is still {@code knownVersion} (null: none known yet).
     *
     * @throws TransportException when the assignment could not be fetched
     */
    Optional<Versioned> fetch(String knownVersion) throws TransportException;
}
