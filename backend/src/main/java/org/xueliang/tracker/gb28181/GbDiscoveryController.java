package org.xueliang.tracker.gb28181;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.ledger.DeviceView;

@RestController
class GbDiscoveryController {

    private final GbDiscovery discovery;

    GbDiscoveryController(GbDiscovery discovery) {
        this.discovery = discovery;
    }

    @GetMapping("/api/v1/gb28181/discovered")
    List<GbDiscovery.Unknown> discovered() {
        return discovery.unknown();
    }

    @PostMapping("/api/v1/gb28181/registrations/{code}/adopt")
    @ResponseStatus(HttpStatus.CREATED)
    DeviceView adopt(@PathVariable String code, @RequestBody GbDiscovery.Adoption adoption) {
        return discovery.adopt(code, adoption);
    }
}
