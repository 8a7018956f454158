package org.xueliang.tracker.monitoring;

import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.transport.Ack;
import org.xueliang.tracker.agent.transport.Heartbeat;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.xueliang.tracker.shared.Hashes;

import tools.jackson.databind.json.JsonMapper;

/** The agent protocol (docs/AGENT-PROTOCOL.md): assignment with ETag, result batches, heartbeats. */
@RestController
@RequestMapping("/api/v1/agent")
class AgentProtocolController {

    private final AssignmentService assignments;
    private final IngestService ingest;
    private final AgentService agents;
    private final JsonMapper json;

    AgentProtocolController(AssignmentService assignments, IngestService ingest, AgentService agents, JsonMapper json) {
        this.assignments = assignments;
        this.ingest = ingest;
        this.agents = agents;
        this.json = json;
    }

    @GetMapping("/assignment")
    ResponseEntity<String> assignment(@AuthenticationPrincipal AgentSecurityConfig.AgentPrincipal agent,
                                      @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        String body = json.writeValueAsString(assignments.forAgent(agent.id(), agent.zone()));
        String etag = "\"" + Hashes.sha256Hex(body) + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).header("Content-Type", "application/json").body(body);
    }

    @PostMapping("/batches")
    Ack batch(@AuthenticationPrincipal AgentSecurityConfig.AgentPrincipal agent, @RequestBody Batch batch) {
        return ingest.ingest(agent.id(), batch);
    }

    @PostMapping("/heartbeat")
    ResponseEntity<Void> heartbeat(@AuthenticationPrincipal AgentSecurityConfig.AgentPrincipal agent,
                                   @RequestBody Heartbeat beat) {
        agents.heartbeat(agent.id(), beat);
        return ResponseEntity.noContent().build();
    }

}
