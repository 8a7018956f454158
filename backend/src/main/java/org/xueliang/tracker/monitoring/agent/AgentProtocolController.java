package org.xueliang.tracker.monitoring.agent;

import org.xueliang.tracker.agent.transport.Batch;
import org.xueliang.tracker.agent.transport.Ack;
import org.xueliang.tracker.agent.transport.Heartbeat;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.xueliang.tracker.shared.Hashes;
import org.xueliang.tracker.monitoring.ingest.IngestService;

import tools.jackson.databind.json.JsonMapper;

/** The agent protocol (docs/AGENT-PROTOCOL.md): assignment with ETag, result batches, heartbeats, VQD snapshots. */
@RestController
@RequestMapping("/api/v1/agent")
class AgentProtocolController {

    private final AssignmentService assignments;
    private final IngestService ingest;
    private final AgentService agents;
    private final JsonMapper json;
    private final AgentVqdSnapshots vqdSnapshots;

    AgentProtocolController(AssignmentService assignments, IngestService ingest, AgentService agents, JsonMapper json,
                            AgentVqdSnapshots vqdSnapshots) {
        this.vqdSnapshots = vqdSnapshots;
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

    /** The picture a scheduled VQD check judged (JPEG at analysis size), for a device of the agent's zone. */
    @PutMapping("/devices/{id}/vqd-snapshot")
    ResponseEntity<Void> vqdSnapshot(@AuthenticationPrincipal AgentSecurityConfig.AgentPrincipal agent, @PathVariable long id,
                                     @RequestParam(required = false) String checkedAt, @RequestBody(required = false) byte[] image) {
        vqdSnapshots.accept(agent.zone(), id, checkedAt, image);
        return ResponseEntity.noContent().build();
    }
}
