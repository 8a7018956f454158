package org.xueliang.tracker.stocktake;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;

/** The stocktake REST API (docs/API.md "Stocktake"); who may call what: docs/SECURITY.md. */
@RestController
class StocktakeController {

    private final StocktakeService sessions;
    private final StocktakeScans scans;
    private final AuditIntervals intervals;

    StocktakeController(StocktakeService sessions, StocktakeScans scans, AuditIntervals intervals) {
        this.sessions = sessions;
        this.scans = scans;
        this.intervals = intervals;
    }

    @GetMapping("/api/v1/stocktakes")
    PageResponse<Stocktake> list(@RequestParam(required = false) StocktakeState state,
                                 @RequestParam(required = false) Long projectId,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        var pageable = PageRequests.of(page, size);
        return sessions.list(state, projectId, pageable.getPageNumber(), pageable.getPageSize());
    }

    @PostMapping("/api/v1/stocktakes")
    ResponseEntity<Stocktake> open(@RequestBody StocktakeService.OpenRequest in) {
        Stocktake opened = sessions.open(in);
        return ResponseEntity.created(URI.create("/api/v1/stocktakes/" + opened.id())).body(opened);
    }

    @GetMapping("/api/v1/stocktakes/{id}")
    Stocktake get(@PathVariable long id) {
        return sessions.get(id);
    }

    @PostMapping("/api/v1/stocktakes/{id}/scans")
    StocktakeScans.ScanResult scan(@PathVariable long id, @RequestBody StocktakeScans.ScanRequest in) {
        return scans.scan(id, in);
    }

    /** The body may be left out: closing then applies no location change. */
    @PostMapping("/api/v1/stocktakes/{id}/close")
    StocktakeService.Closed close(@PathVariable long id, @RequestBody(required = false) StocktakeService.CloseRequest in) {
        return sessions.close(id, in);
    }

    @GetMapping("/api/v1/stocktakes/{id}/report")
    StocktakeReports.Report report(@PathVariable long id) {
        return sessions.report(id);
    }

    @GetMapping("/api/v1/projects/{id}/stocktake-intervals")
    List<AuditIntervals.Interval> intervals(@PathVariable long id) {
        return intervals.list(id);
    }

    @PutMapping("/api/v1/projects/{id}/stocktake-intervals")
    List<AuditIntervals.Interval> replaceIntervals(@PathVariable long id, @RequestBody AuditIntervals.IntervalsInput in) {
        return intervals.replace(id, in == null ? null : in.intervals());
    }

    @GetMapping("/api/v1/projects/{id}/stocktake-due")
    AuditIntervals.DueList due(@PathVariable long id, @RequestParam(required = false) Integer withinDays) {
        return intervals.due(id, withinDays);
    }
}
