package org.xueliang.tracker.monitoring;

import java.util.Map;

/**
 * Probe settings that another module owns and adds to an agent's assignment (the VQD thresholds of a camera's
 * category and its approved reference picture, module {@code vqd}): implement it as a Spring bean in that module, so
 * the assignment — and its ETag — changes when those settings do and the agent takes them on its next poll
 * (docs/AGENT-PROTOCOL.md). Read-only; the keys must not be the ledger's own probe settings'.
 */
public interface AssignmentSettings {

    /**
     * Settings for the devices being assigned, given each device's category code; devices without extra settings
     * may be left out.
     */
    Map<Long, Map<String, String>> forDevices(Map<Long, String> categoryByDevice);
}
