package org.xueliang.tracker.monitoring.agent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.xueliang.tracker.agent.transport.AgentAssignment;

/**
 * Shares zone {@code local} out among the live embedded agents, one per backend replica, so that each device is
 * probed by exactly one of them. Rendezvous hashing: every agent scores every device, the highest score owns it; each
 * replica computes the same owners from the same list of live agents, on each assignment poll, without talking to
 * the others. An agent is live while its heartbeat (every 15 s) is younger than {@code xl.agent.embedded.live-seconds}
 * (45 s): when a replica dies its devices move to the survivors at their next poll after that, and only its devices
 * move (a new replica takes over about 1/n of each survivor's). With one replica the share is the whole zone.
 *
 * <p>Around a change of the live set, replicas may for one poll period disagree: a device is then probed by two
 * agents or, briefly, none. Both are harmless: results of two agents are two observations (each batch is applied once
 * in its own (agent, epoch, seq)), and a gap shorter than a probe interval or two is no outage.
 */
@Service
class EmbeddedShare {

    private final AgentService agents;
    private final AssignmentService assignments;
    private final Clock clock;
    private final Duration live;

    EmbeddedShare(AgentService agents, AssignmentService assignments, Clock clock,
                  @Value("${xl.agent.embedded.live-seconds:45}") int liveSeconds) {
        this.agents = agents;
        this.assignments = assignments;
        this.clock = clock;
        this.live = Duration.ofSeconds(liveSeconds);
    }

    /** The devices of {@code zone} the embedded agent {@code name} (row {@code agentId}) probes now. */
    AgentAssignment assignment(long agentId, String name, String zone) {
        TreeSet<String> alive = new TreeSet<>(agents.liveEmbedded(zone, clock.instant().minus(live)));
        alive.add(name); // the caller is alive, whatever its last heartbeat says
        if (alive.size() == 1) {
            return assignments.forAgent(agentId, zone);
        }
        // the share is chosen before credentials are read: this replica decrypts only the secrets of its own devices
        return assignments.forAgent(agentId, zone, deviceId -> owner(deviceId, alive).equals(name));
    }

    /** The agent among {@code names} that owns {@code deviceId}: the highest score, ties to the first name. */
    static String owner(long deviceId, Collection<String> names) {
        String best = null;
        long bestScore = 0;
        for (String name : new TreeSet<>(names)) {
            long score = score(name, deviceId);
            if (best == null || Long.compareUnsigned(score, bestScore) > 0) {
                best = name;
                bestScore = score;
            }
        }
        return best;
    }

    /** FNV-1a of the name mixed with the device id by SplitMix64's finaliser: stable across JVMs and versions. */
    static long score(String name, long deviceId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        long z = h ^ (deviceId * 0x9e3779b97f4a7c15L);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
