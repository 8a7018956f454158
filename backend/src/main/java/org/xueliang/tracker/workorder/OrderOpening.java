package org.xueliang.tracker.workorder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.assessment.ContractorGroups;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.CameraDirectory;

/**
 * Opens an order for some devices, by the sweep or by hand: the deadlines of the SLA rule for the first device's
 * category and 维保单位, the device links (which fail on a device another order holds), the first history line and
 * the audit entry, in the caller's transaction. Growing a cluster order recomputes its repair deadline (the ≥ 8
 * points rule).
 */
@Component
class OrderOpening {

    /** A device with the start of its incident. */
    record Failing(long deviceId, String categoryCode, Instant since) {
    }

    private final WorkOrderStore store;
    private final SlaRules rules;
    private final CameraDirectory cameras;
    private final ObjectProvider<ContractorGroups> contractors;
    private final AuditTrail audit;

    OrderOpening(WorkOrderStore store, SlaRules rules, CameraDirectory cameras, ObjectProvider<ContractorGroups> contractors,
                 AuditTrail audit) {
        this.store = store;
        this.rules = rules;
        this.cameras = cameras;
        this.contractors = contractors;
        this.audit = audit;
    }

    long open(long projectId, Long siteId, String origin, String reason, List<Failing> devices, String actor, String assignee,
              Instant now) {
        List<Failing> sorted = new ArrayList<>(devices);
        sorted.sort(Comparator.comparing(Failing::since).thenComparingLong(Failing::deviceId));
        Failing first = sorted.get(0);
        String contractor = contractorOf(projectId, first.deviceId());
        Deadlines deadlines = rules.deadlines(projectId, first.categoryCode(), contractor);
        long id = store.insert(new WorkOrderStore.NewOrder(projectId, siteId, origin, cut(reason, 500), first.categoryCode(),
                contractor, now, actor, assignee, deadlines.respondBy(now), deadlines.repairBy(now, sorted.size()),
                deadlines.ruleFor(sorted.size())));
        sorted.forEach(d -> store.link(id, d.deviceId(), d.since()));
        List<Long> ids = sorted.stream().map(Failing::deviceId).toList();
        store.event(id, now, actor, "OPENED", null, WorkOrderState.OPEN, cut(reason, 1000));
        audit.recordAs(actor, projectId, "WORK_ORDER_OPEN", "WorkOrder", id, origin + " work order " + id + " for devices " + ids,
                null, Map.of("devices", ids, "origin", origin, "reason", reason, "assignee", assignee == null ? "" : assignee,
                        "respondBy", deadlines.respondBy(now).toString(), "repairBy", deadlines.repairBy(now, sorted.size()).toString()));
        return id;
    }

    /** Adds a failing device of the site to an open cluster order; the repair deadline follows the new size. */
    void join(WorkOrder order, Failing device, Instant now) {
        store.link(order.id(), device.deviceId(), device.since());
        int size = store.deviceCount(order.id());
        Deadlines deadlines = rules.deadlines(order.projectId(), order.categoryCode(), order.contractor());
        store.updateVersioned("UPDATE work_order SET repair_by = ?, sla_rule = ?, version = version + 1 WHERE id = ? AND version = ?",
                Times.ts(deadlines.repairBy(order.openedAt(), size)), deadlines.ruleFor(size), order.id(), order.version());
        store.event(order.id(), now, AuditTrail.SYSTEM_ACTOR, "DEVICE_JOINED", null, null, "device " + device.deviceId());
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, order.projectId(), "WORK_ORDER_DEVICE_JOIN", "WorkOrder", order.id(),
                "Device " + device.deviceId() + " joined cluster work order " + order.id(), null,
                Map.of("device", device.deviceId(), "devices", size));
    }

    private String contractorOf(long projectId, long deviceId) {
        ContractorGroups groups = contractors.getIfAvailable();
        if (groups == null) {
            return null;
        }
        List<CameraDirectory.Camera> camera = cameras.among(List.of(deviceId));
        return camera.isEmpty() ? null : groups.contractors(projectId, camera).get(deviceId);
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
