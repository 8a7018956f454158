package org.xueliang.tracker.ledger;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;

import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    /** API sort names → entity properties; anything else is refused with a 400 that lists these. */
    static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("id", "id"), Map.entry("assetTag", "assetTag"), Map.entry("name", "name"),
            Map.entry("category", "categoryCode"), Map.entry("siteId", "siteId"), Map.entry("vendor", "vendor"),
            Map.entry("model", "model"), Map.entry("serialNumber", "serialNumber"), Map.entry("ipAddress", "ipAddress"),
            Map.entry("lifecycle", "lifecycle"), Map.entry("deliveredOn", "deliveredOn"),
            Map.entry("installedOn", "installedOn"), Map.entry("acceptedOn", "acceptedOn"),
            Map.entry("inServiceOn", "inServiceOn"), Map.entry("warrantyEnd", "warrantyEnd"),
            Map.entry("unitPrice", "unitPrice"), Map.entry("updatedAt", "updatedAt"), Map.entry("gbCode", "gbCode"));

    private final DeviceService service;
    private final DeviceWrites writes;

    DeviceController(DeviceService service, DeviceWrites writes) {
        this.service = service;
        this.writes = writes;
    }

    @GetMapping
    PageResponse<DeviceView> list(@RequestParam(required = false) Long projectId,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) Long siteId,
                                  @RequestParam(required = false) Lifecycle lifecycle,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Boolean hasGbCode,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        var pageable = PageRequests.of(page, size, sort, SORTABLE, Sort.by("id"));
        var result = service.list(new DeviceFilter(projectId, category, siteId, lifecycle, q, hasGbCode), pageable);
        return PageResponse.of(result, v -> v);
    }

    @GetMapping("/{id}")
    DeviceView get(@PathVariable long id) {
        return service.get(id);
    }

    /** Creates a device; its {@code uplinkDeviceId} is checked before anything is written ({@link DeviceUplinks}). */
    @PostMapping
    ResponseEntity<DeviceView> create(@RequestBody JsonNode body) {
        DeviceView created = writes.create(body);
        return ResponseEntity.created(URI.create("/api/v1/devices/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    DeviceView replace(@PathVariable long id, @RequestBody JsonNode body) {
        return writes.replace(id, body);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    DeviceView patch(@PathVariable long id, @RequestBody JsonNode patch) {
        return writes.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(id);
        return ResponseEntity.noContent().build();
    }

    record LifecycleStep(Lifecycle to, LocalDate date) {
    }

    record LifecycleEventView(Lifecycle from, Lifecycle to, LocalDate date, Instant recordedAt, String recordedBy) {
    }

    @PostMapping("/{id}/lifecycle")
    DeviceView transition(@PathVariable long id, @RequestBody LifecycleStep step) {
        return service.transition(id, step.to(), step.date());
    }

    @GetMapping("/{id}/lifecycle")
    List<LifecycleEventView> lifecycle(@PathVariable long id) {
        return service.lifecycleEvents(id).stream()
                .map(e -> new LifecycleEventView(e.getFromState(), e.getToState(), e.getStepDate(), e.getRecordedAt(), e.getRecordedBy()))
                .toList();
    }
}
