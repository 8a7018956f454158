package org.xueliang.tracker.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.DeviceDirectory.DevicePlace;
import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.monitoring.CurrentStates;
import org.xueliang.tracker.monitoring.CurrentStates.Current;
import org.xueliang.tracker.monitoring.DeviceState;
import org.xueliang.tracker.workorder.OrderOpening.Failing;

/**
 * Turns device states into orders (docs/WORKORDERS.md "Opening"), run under the lease {@code work-orders}:
 * <ol>
 * <li>a device DOWN or DEGRADED for longer than its grace, held by no order, gets one (inside a planned maintenance
 * window none, and the grace counts from the window's end: {@link MaintenanceHolds}): it joins an open cluster order
 * of its site whose first failure lies within the cluster window of its own; else, when at least
 * {@code cluster-size} failing devices of its site (past the grace or not) failed within that window of it, the ones
 * past the grace open one CLUSTER order together; else it opens an AUTO order of its own. Before that, a failing
 * uplink (ledger {@code uplinkDeviceId}) past its grace and its failing devices are one CLUSTER order;</li>
 * <li>a held device back UP (since after its incident started) is marked recovered; an order whose devices are all
 * back goes to PENDING_CONFIRMATION,
 * and back to where it was when one of them fails again (a flapping device stays on its order).</li>
 * </ol>
 * The unique key of {@code work_order_device.open_device_id} makes a second opening for a held device fail, so two
 * sweeps racing (a lease taken over mid-run) roll one back instead of doubling an order.
 */
@Component
class FaultSweep {

    /** Devices in these stages are watched; a planned, delivered or retired device opens no order. */
    static final Set<Lifecycle> WATCHED = EnumSet.of(Lifecycle.INSTALLED, Lifecycle.ACCEPTED, Lifecycle.IN_SERVICE, Lifecycle.FAULTY);

    private final CurrentStates states;
    private final DeviceDirectory directory;
    private final WorkOrderStore store;
    private final OrderOpening opening;
    private final SlaRules rules;
    private final MaintenanceHolds maintenance;
    private final WorkOrderSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    FaultSweep(CurrentStates states, DeviceDirectory directory, WorkOrderStore store, OrderOpening opening, SlaRules rules,
               MaintenanceHolds maintenance, WorkOrderSettings settings, AuditTrail audit, Clock clock) {
        this.states = states;
        this.directory = directory;
        this.store = store;
        this.opening = opening;
        this.rules = rules;
        this.maintenance = maintenance;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        openForFailures(now);
        followRecoveries(now);
    }

    private void openForFailures(Instant now) {
        List<Current> failing = states.failingSince(now);
        if (failing.isEmpty()) {
            return;
        }
        Map<Long, Long> held = store.holders(failing.stream().map(Current::deviceId).toList());
        List<Current> free = failing.stream().filter(c -> !held.containsKey(c.deviceId())).toList();
        Map<Long, DevicePlace> places = directory.places(free.stream().map(Current::deviceId).toList());
        Map<Long, List<SlaRule>> projectRules = new HashMap<>();
        List<MaintenanceHolds.Window> windows = maintenance.overlapping(
                free.stream().map(Current::since).min(Instant::compareTo).orElse(now), now);
        List<Candidate> all = new ArrayList<>();
        for (Current c : free) {
            DevicePlace place = places.get(c.deviceId());
            if (place == null || !WATCHED.contains(place.lifecycle())) {
                continue;
            }
            Instant countsFrom = MaintenanceHolds.countsFrom(c.since(), place, windows, now);
            if (countsFrom.isAfter(now)) {
                continue; // inside planned maintenance: no order, and no cluster member, while the window lasts
            }
            Duration grace = rules.grace(projectRules.computeIfAbsent(place.projectId(), rules::rules), place.categoryCode());
            all.add(new Candidate(c, place, !countsFrom.plus(grace).isAfter(now)));
        }
        if (all.stream().noneMatch(Candidate::pastGrace)) {
            return;
        }
        Map<Long, List<Candidate>> bySite = all.stream().filter(c -> c.place().siteId() != null)
                .collect(Collectors.groupingBy(c -> c.place().siteId(), LinkedHashMap::new, Collectors.toList()));
        List<WorkOrderStore.OpenCluster> clusters = store.openClusters(bySite.keySet());
        for (Candidate c : all) {
            if (c.pastGrace() && !c.taken) {
                openUplinkCluster(c, all, now);
            }
        }
        for (Candidate c : all) {
            if (!c.pastGrace() || c.taken) {
                continue;
            }
            Long site = c.place().siteId();
            if (site != null && joinCluster(c, clusters, now)) {
                continue;
            }
            List<Candidate> together = site == null ? List.of(c) : bySite.get(site).stream()
                    .filter(o -> !o.taken && Duration.between(o.current().since(), c.current().since()).abs()
                            .compareTo(settings.clusterWindow()) <= 0).toList();
            if (together.size() >= settings.clusterSize()) {
                List<Candidate> ready = together.stream().filter(Candidate::pastGrace).toList();
                long id = opening.open(c.place().projectId(), site, "CLUSTER", reason(ready), failings(ready),
                        AuditTrail.SYSTEM_ACTOR, null, now);
                ready.forEach(r -> r.taken = true);
                clusters = new ArrayList<>(clusters);
                clusters.add(new WorkOrderStore.OpenCluster(id, site, ready.get(0).current().since()));
            } else {
                opening.open(c.place().projectId(), site, "AUTO", reason(List.of(c)), failings(List.of(c)),
                        AuditTrail.SYSTEM_ACTOR, null, now);
                c.taken = true;
            }
        }
    }

    /**
     * A down uplink (a switch) past its grace and the devices hanging off it that failed within the cluster window of
     * it, past their own grace or not (the uplink explains them), are one CLUSTER order, the uplink listed first.
     */
    private void openUplinkCluster(Candidate uplink, List<Candidate> all, Instant now) {
        List<Candidate> under = all.stream().filter(o -> !o.taken && o != uplink
                && Long.valueOf(uplink.current().deviceId()).equals(o.place().uplinkDeviceId())
                && Duration.between(o.current().since(), uplink.current().since()).abs().compareTo(settings.clusterWindow()) <= 0)
                .toList();
        if (under.isEmpty()) {
            return;
        }
        List<Candidate> together = new ArrayList<>();
        together.add(uplink);
        together.addAll(under);
        opening.open(uplink.place().projectId(), uplink.place().siteId(), "CLUSTER", reason(together), failings(together),
                AuditTrail.SYSTEM_ACTOR, null, now);
        together.forEach(t -> t.taken = true);
    }

    private boolean joinCluster(Candidate c, List<WorkOrderStore.OpenCluster> clusters, Instant now) {
        for (WorkOrderStore.OpenCluster cluster : clusters) {
            if (cluster.siteId() == c.place().siteId() && Duration.between(cluster.firstIncident(), c.current().since()).abs()
                    .compareTo(settings.clusterWindow()) <= 0) {
                WorkOrder order = store.find(cluster.orderId()).orElseThrow();
                opening.join(order, failings(List.of(c)).get(0), now);
                c.taken = true;
                return true;
            }
        }
        return false;
    }

    private static List<Failing> failings(List<Candidate> candidates) {
        return candidates.stream().map(c -> new Failing(c.current().deviceId(), c.place().categoryCode(), c.current().since()))
                .toList();
    }

    /** The machine's words for why: the state and the reason code of the earliest failure (e.g. DOWN:TIMEOUT). */
    private static String reason(List<Candidate> candidates) {
        Current first = candidates.stream().map(Candidate::current).min(Comparator.comparing(Current::since)).orElseThrow();
        return first.state() + (first.reason() == null ? "" : ":" + first.reason());
    }

    private void followRecoveries(Instant now) {
        List<WorkOrderStore.Held> held = store.held();
        if (held.isEmpty()) {
            return;
        }
        Map<Long, Current> current = states.of(held.stream().map(WorkOrderStore.Held::deviceId).toList());
        Map<Long, List<WorkOrderStore.Held>> byOrder = held.stream()
                .collect(Collectors.groupingBy(WorkOrderStore.Held::orderId, LinkedHashMap::new, Collectors.toList()));
        byOrder.forEach((orderId, devices) -> {
            Instant lastBack = null;
            boolean allBack = true;
            boolean changed = false;
            for (WorkOrderStore.Held h : devices) {
                Current c = current.get(h.deviceId());
                // back UP since after the incident began: a hand-opened order for a device that never went down
                // (a tilted pole, a dirty lens) is not "recovered" by the device being UP all along
                if (c != null && c.state() == DeviceState.UP && c.since().isAfter(h.incidentStartedAt())) {
                    Instant back = h.recoveredAt() != null ? h.recoveredAt() : c.since();
                    if (h.recoveredAt() == null) {
                        store.deviceRecovered(orderId, h.deviceId(), back);
                        changed = true;
                    }
                    lastBack = lastBack == null || back.isAfter(lastBack) ? back : lastBack;
                } else {
                    allBack = false;
                    if (h.recoveredAt() != null && c != null && c.failing()) {
                        store.deviceFailedAgain(orderId, h.deviceId());
                        changed = true;
                    }
                }
            }
            WorkOrderState state = devices.get(0).state();
            if (allBack && state.awaitingRepair()) {
                toPendingConfirmation(orderId, state, lastBack, now);
            } else if (!allBack && changed && state == WorkOrderState.PENDING_CONFIRMATION) {
                backFromPending(orderId, now);
            }
        });
    }

    private void toPendingConfirmation(long orderId, WorkOrderState from, Instant recoveredAt, Instant now) {
        WorkOrder order = store.find(orderId).orElseThrow();
        if (!WorkOrderTransitions.allowed(from, WorkOrderState.PENDING_CONFIRMATION, WorkOrderTransitions.By.SYSTEM)
                || !store.updateVersioned("UPDATE work_order SET state = 'PENDING_CONFIRMATION', state_before_recovery = ?,"
                        + " recovered_at = ?, version = version + 1 WHERE id = ? AND version = ? AND state = ?", from.name(),
                Times.ts(recoveredAt), orderId, order.version(), from.name())) {
            return; // a person moved it meanwhile; the next sweep looks again
        }
        store.event(orderId, now, AuditTrail.SYSTEM_ACTOR, "RECOVERED", from, WorkOrderState.PENDING_CONFIRMATION, null);
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, order.projectId(), "WORK_ORDER_PENDING_CONFIRMATION", "WorkOrder", orderId,
                "Work order " + orderId + ": every device recovered, to be confirmed", Map.of("state", from.name()),
                Map.of("state", WorkOrderState.PENDING_CONFIRMATION.name(), "recoveredAt", recoveredAt.toString()));
    }

    private void backFromPending(long orderId, Instant now) {
        WorkOrder order = store.find(orderId).orElseThrow();
        WorkOrderState back = store.stateBeforeRecovery(orderId);
        if (!WorkOrderTransitions.allowed(WorkOrderState.PENDING_CONFIRMATION, back, WorkOrderTransitions.By.SYSTEM)
                || !store.updateVersioned("UPDATE work_order SET state = ?, state_before_recovery = NULL, recovered_at = NULL,"
                        + " version = version + 1 WHERE id = ? AND version = ? AND state = 'PENDING_CONFIRMATION'", back.name(),
                orderId, order.version())) {
            return;
        }
        store.event(orderId, now, AuditTrail.SYSTEM_ACTOR, "FAILED_AGAIN", WorkOrderState.PENDING_CONFIRMATION, back, null);
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, order.projectId(), "WORK_ORDER_RELAPSE", "WorkOrder", orderId,
                "Work order " + orderId + ": a device failed again before confirmation",
                Map.of("state", WorkOrderState.PENDING_CONFIRMATION.name()), Map.of("state", back.name()));
    }

    /** A failing device not held by any order, and whether its grace has passed. */
    private static final class Candidate {
        private final Current current;
        private final DevicePlace place;
        private final boolean pastGrace;
        private boolean taken;

        Candidate(Current current, DevicePlace place, boolean pastGrace) {
            this.current = current;
            this.place = place;
            this.pastGrace = pastGrace;
        }

        Current current() {
            return current;
        }

        DevicePlace place() {
            return place;
        }

        boolean pastGrace() {
            return pastGrace;
        }
    }
}
