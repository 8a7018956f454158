package org.xueliang.tracker.monitoring;

import java.util.List;
import java.util.Map;

import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.Secrets;

/**
 * What an agent must probe: every device of its zone that is installed or later and has a probe
 * method. Secrets travel decrypted to the agent (use HTTPS between agent and backend) and nowhere else.
 */
public record Assignment(long agentId, String zone, List<Target> devices) {

    public record Target(long deviceId, Method method, String host, int port, int intervalSeconds, int timeoutMs,
                         Map<String, String> settings, Secrets secrets) {
    }
}
