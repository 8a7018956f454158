package org.xueliang.tracker.workorder;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;

/** The work orders' REST API (docs/API.md "Work orders"); who may call what: docs/SECURITY.md. */
@RestController
class WorkOrderController {

    private final WorkOrderService orders;
    private final WorkOrderPhotos photos;
    private final WorkOrderFigures figures;
    private final SlaRules rules;
    private final WorkOrderAssignees assignees;

    WorkOrderController(WorkOrderService orders, WorkOrderPhotos photos, WorkOrderFigures figures, SlaRules rules,
                        WorkOrderAssignees assignees) {
        this.orders = orders;
        this.photos = photos;
        this.figures = figures;
        this.rules = rules;
        this.assignees = assignees;
    }

    @GetMapping("/api/v1/work-orders")
    PageResponse<WorkOrder> list(@RequestParam(required = false) WorkOrderState state,
                                 @RequestParam(required = false) Long deviceId,
                                 @RequestParam(required = false) Long projectId,
                                 @RequestParam(required = false) String assignee,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        var pageable = PageRequests.of(page, size);
        return orders.list(state, deviceId, projectId, assignee, pageable.getPageNumber(), pageable.getPageSize());
    }

    @GetMapping("/api/v1/work-orders/{id}")
    WorkOrder.Detail get(@PathVariable long id) {
        return orders.get(id);
    }

    @PostMapping("/api/v1/work-orders")
    ResponseEntity<WorkOrder.Detail> open(@RequestBody WorkOrderService.OpenRequest in) {
        WorkOrder.Detail created = orders.open(in);
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + created.order().id())).body(created);
    }

    @PostMapping("/api/v1/work-orders/{id}/transitions")
    WorkOrder.Detail transition(@PathVariable long id, @RequestBody WorkOrderService.TransitionRequest in) {
        return orders.transition(id, in);
    }

    @PostMapping(path = "/api/v1/work-orders/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<WorkOrder.Photo> addPhoto(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file) {
        WorkOrder.Photo photo = photos.add(id, file);
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + id + "/photos/" + photo.id())).body(photo);
    }

    @GetMapping("/api/v1/work-orders/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        WorkOrderPhotos.Picture picture = photos.picture(id, photoId);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.parseMediaType(picture.mediaType()))
                .body(picture.content());
    }

    @GetMapping("/api/v1/work-orders/figures")
    WorkOrderFigures.Report figures(@RequestParam long projectId, @RequestParam(required = false) String month,
                                    @RequestParam(required = false) String groupBy) {
        return figures.report(projectId, month(month), groupBy);
    }

    @GetMapping("/api/v1/projects/{id}/work-order-sla-rules")
    List<SlaRule> slaRules(@PathVariable long id) {
        return rules.list(id);
    }

    /** The body: {@code {"rules":[…]}}, replacing every rule of the project. */
    record RulesInput(List<SlaRule> rules) {
    }

    @PutMapping("/api/v1/projects/{id}/work-order-sla-rules")
    List<SlaRule> replaceSlaRules(@PathVariable long id, @RequestBody RulesInput in) {
        return rules.replace(id, in == null ? null : in.rules());
    }

    @GetMapping("/api/v1/projects/{id}/work-order-assignees")
    List<WorkOrderAssignees.Assignee> assignees(@PathVariable long id) {
        return assignees.list(id);
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("month", "must be a month such as 2026-12");
        }
    }
}
