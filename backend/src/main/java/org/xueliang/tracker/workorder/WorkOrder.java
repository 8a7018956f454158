package org.xueliang.tracker.workorder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A work order as the API shows it (docs/API.md "Work orders"). {@code origin}: AUTO, CLUSTER or MANUAL;
 * {@code repairedAt}: when the repair counts as done for the figures (docs/WORKORDERS.md "Figures").
 */
public record WorkOrder(long id, long projectId, Long siteId, String origin, String reason, WorkOrderState state,
                        String categoryCode, String contractor, Instant openedAt, String openedBy, String assignee,
                        Instant acceptedAt, Instant onSiteAt, BigDecimal onSiteLat, BigDecimal onSiteLon, Instant recoveredAt,
                        Instant resolvedAt, Instant repairedAt, Instant closedAt, String closedBy, Cause cause,
                        String actionTaken, String partsReplaced, Instant respondBy, Instant repairBy, String slaRule,
                        long version, List<Device> devices) {

    /** A device of the order: since when it failed, when it came back (null while down), and its ledger label. */
    public record Device(long deviceId, String assetTag, String name, String siteName, Instant incidentStartedAt,
                        Instant recoveredAt) {
    }

    /** One step of the order's history. */
    public record Event(long id, Instant at, String actor, String kind, WorkOrderState from, WorkOrderState to, String note) {
    }

    /** A photo's facts (its bytes: {@code GET /api/v1/work-orders/{id}/photos/{photoId}}). */
    public record Photo(long id, String mediaType, int sizeBytes, Instant uploadedAt, String uploadedBy) {
    }

    /** The order with its history, photos and the states the caller may move it to. */
    public record Detail(@com.fasterxml.jackson.annotation.JsonUnwrapped WorkOrder order, List<Event> events,
                         List<Photo> photos, java.util.Set<WorkOrderState> next) {
    }
}
