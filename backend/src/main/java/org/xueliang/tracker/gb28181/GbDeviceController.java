package org.xueliang.tracker.gb28181;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A device as the GB/T 28181 server knows it, by national code or by ledger device (docs/API.md). */
@RestController
class GbDeviceController {

    private final GbDeviceQueries queries;

    GbDeviceController(GbDeviceQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/gb28181/devices/{code}")
    GbDeviceView byCode(@PathVariable String code) {
        return queries.byCode(code);
    }

    @GetMapping("/api/v1/devices/{id}/gb")
    GbDeviceView byLedgerDevice(@PathVariable long id) {
        return queries.byLedgerDevice(id);
    }
}
