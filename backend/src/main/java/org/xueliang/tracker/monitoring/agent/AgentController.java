package org.xueliang.tracker.monitoring.agent;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.PageResponse;

/** Agent administration: create (the token is in this one response only), list, read, rename or move, revoke. */
@RestController
@RequestMapping("/api/v1/agents")
class AgentController {

    private final AgentService agents;

    AgentController(AgentService agents) {
        this.agents = agents;
    }

    record NewAgent(String name, String zone) {
    }

    @GetMapping
    PageResponse<AgentService.AgentView> list() {
        List<AgentService.AgentView> all = agents.list();
        return new PageResponse<>(all, all.size(), 0, all.size());
    }

    @GetMapping("/{id}")
    AgentService.AgentView get(@PathVariable long id) {
        return agents.get(id);
    }

    /** Applied batches (seq, receivedAt, resultCount) in seq order: sequence accounting of exactly-once ingest. */
    @GetMapping("/{id}/batches")
    List<AgentService.AppliedBatch> batches(@PathVariable long id, @RequestParam(defaultValue = "1") long fromSeq,
                                            @RequestParam(defaultValue = "1000") int limit) {
        return agents.batches(id, fromSeq, limit);
    }

    @PostMapping
    ResponseEntity<AgentService.CreatedAgent> create(@RequestBody NewAgent in) {
        var created = agents.create(in.name(), in.zone() == null ? "local" : in.zone(), false);
        return ResponseEntity.created(URI.create("/api/v1/agents/" + created.agent().id())).body(created);
    }

    /** Renames the agent or moves it to another zone; the token stays valid. */
    @PutMapping("/{id}")
    AgentService.AgentView update(@PathVariable long id, @RequestBody NewAgent in) {
        return agents.update(id, in.name(), in.zone());
    }

    /** Revokes the token; the agent's history stays. */
    @DeleteMapping("/{id}")
    AgentService.AgentView revoke(@PathVariable long id) {
        return agents.revoke(id);
    }
}
