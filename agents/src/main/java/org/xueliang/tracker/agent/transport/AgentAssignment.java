package org.xueliang.tracker.agent.transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Secrets;

/**
 * What the backend tells an agent to probe ({@code GET /api/v1/agent/assignment}); the same JSON as the
 * backend's {@code monitoring.Assignment}.
 */
public record AgentAssignment(long agentId, String zone, List<Target> devices) {

    public AgentAssignment {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** One device: where, how, how often, within what time, with which settings and credentials. */
    public record Target(long deviceId, Method method, String host, int port, int intervalSeconds, int timeoutMs,
                         Map<String, String> settings, Secrets secrets) {

        public ProbeTarget probeTarget() {
            return new ProbeTarget(deviceId, method, host, port, Duration.ofMillis(timeoutMs), settings, secrets);
        }

        public Duration interval() {
            return Duration.ofSeconds(Math.max(1, intervalSeconds));
        }
    }
}
