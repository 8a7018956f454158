package org.xueliang.tracker.monitoring.maintenance;

import java.net.URI;
import java.time.Instant;
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

@RestController
@RequestMapping("/api/v1/maintenance-windows")
class MaintenanceWindowController {

    private final MaintenanceWindowService windows;

    MaintenanceWindowController(MaintenanceWindowService windows) {
        this.windows = windows;
    }

    @GetMapping
    PageResponse<MaintenanceWindowService.Window> list(@RequestParam(required = false) Instant from,
                                                       @RequestParam(required = false) Instant to) {
        List<MaintenanceWindowService.Window> all = windows.list(from, to);
        return new PageResponse<>(all, all.size(), 0, all.size());
    }

    @GetMapping("/{id}")
    MaintenanceWindowService.Window get(@PathVariable long id) {
        return windows.get(id);
    }

    @PostMapping
    ResponseEntity<MaintenanceWindowService.Window> create(@RequestBody MaintenanceWindowService.WindowInput in) {
        var created = windows.create(in);
        return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    MaintenanceWindowService.Window update(@PathVariable long id, @RequestBody MaintenanceWindowService.WindowInput in) {
        return windows.update(id, in);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        windows.delete(id);
        return ResponseEntity.noContent().build();
    }
}
