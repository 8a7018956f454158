package org.xueliang.tracker.gb28181;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.ledger.GbDirectory;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;
import org.xueliang.tracker.shared.VisibleProjects;

/**
 * The devices registered now (docs/API.md "GB/T 28181"), for whoever may read device status. A user limited to some
 * projects sees the registrations of their projects' ledger devices only (a code no ledger device carries belongs to
 * no project: only users who see every project see it, as under 发现).
 */
@RestController
class GbRegistrationsController {

    /** One registration as the API shows it; {@code ledgerDeviceId} is null for a code no ledger device carries. */
    record RegistrationView(String code, String address, int port, String transport, int expires, Instant expiresAt,
                            Instant registeredAt, Instant lastKeepaliveAt, long keepaliveCount, Long ledgerDeviceId) {
    }

    private final GbRegistrations registrations;
    private final GbDirectory directory;
    private final VisibleProjects visible;
    private final Clock clock;

    GbRegistrationsController(GbRegistrations registrations, GbDirectory directory, VisibleProjects visible, Clock clock) {
        this.registrations = registrations;
        this.directory = directory;
        this.visible = visible;
        this.clock = clock;
    }

    @GetMapping("/api/v1/gb28181/registrations")
    PageResponse<RegistrationView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Pageable p = PageRequests.of(page, size);
        Instant now = clock.instant();
        Set<Long> limitedTo = visible.limitedTo();
        if (limitedTo == null) {
            List<GbRegistrations.Row> rows = registrations.currentPage(now, (int) p.getOffset(), p.getPageSize());
            return new PageResponse<>(views(rows), registrations.currentCount(now), p.getPageNumber(), p.getPageSize());
        }
        List<GbRegistrations.Row> all = registrations.currentPage(now, 0, Integer.MAX_VALUE);
        Map<String, Long> projects = directory.projectIdsByCode(all.stream().map(GbRegistrations.Row::deviceCode).toList());
        List<GbRegistrations.Row> mine = all.stream().filter(r -> projects.containsKey(r.deviceCode()) && limitedTo.contains(projects.get(r.deviceCode()))).toList();
        List<GbRegistrations.Row> slice = mine.stream().skip(p.getOffset()).limit(p.getPageSize()).toList();
        return new PageResponse<>(views(slice), mine.size(), p.getPageNumber(), p.getPageSize());
    }

    private List<RegistrationView> views(List<GbRegistrations.Row> rows) {
        Map<String, Long> ids = directory.deviceIdsByCode(rows.stream().map(GbRegistrations.Row::deviceCode).toList());
        return rows.stream().map(r -> new RegistrationView(r.deviceCode(), r.host(), r.port(), r.transport(), r.expiresSeconds(),
                r.expiresAt(), r.registeredAt(), r.lastKeepaliveAt(), r.keepaliveCount(), ids.get(r.deviceCode()))).toList();
    }
}
