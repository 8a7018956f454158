package org.xueliang.tracker.monitoring.discovery;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** WS-Discovery from the backend: which cameras answer on a segment, and which of them the ledger lacks. */
@RestController
@RequestMapping("/api/v1/discovery")
class DiscoveryController {

    private final DiscoveryService discovery;

    DiscoveryController(DiscoveryService discovery) {
        this.discovery = discovery;
    }

    @PostMapping
    DiscoveryService.DiscoveryResult discover(@RequestBody(required = false) DiscoveryService.DiscoveryRequest in) {
        return discovery.discover(in);
    }
}
