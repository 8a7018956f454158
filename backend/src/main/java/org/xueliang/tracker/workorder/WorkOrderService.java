package org.xueliang.tracker.workorder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.identity.Permission;
import org.xueliang.tracker.ledger.DeviceDirectory;
import org.xueliang.tracker.ledger.DeviceDirectory.DevicePlace;
import org.xueliang.tracker.monitoring.CurrentStates;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.Coordinates;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.PageResponse;
import org.xueliang.tracker.workorder.WorkOrderTransitions.By;

/**
 * The work orders' use cases for people (docs/WORKORDERS.md, docs/API.md "Work orders"). Who sees what: a manager
 * (permission {@code WORK_ORDER_MANAGE}) every order of the projects in their scope; a technician
 * ({@code WORK_ORDER_WORK}) the orders assigned to them and the unassigned ones in their scope, which they may take.
 * Another's order answers 404, as if it did not exist. Every step is one transaction with its history line and audit
 * entry; a refused step changes nothing.
 */
@Service
public class WorkOrderService {

    static final int MAX_DEVICES = 500;

    public record OpenRequest(List<Long> deviceIds, String reason, String assignee) {
    }

    public record TransitionRequest(WorkOrderState to, String note, Cause cause, String actionTaken, String partsReplaced,
                                    BigDecimal latitude, BigDecimal longitude, String assignee, Long version) {
    }

    private final WorkOrderStore store;
    private final OrderOpening opening;
    private final DeviceDirectory directory;
    private final CurrentStates states;
    private final CurrentUser currentUser;
    private final WorkOrderAssignees assignees;
    private final AuditTrail audit;
    private final Clock clock;

    WorkOrderService(WorkOrderStore store, OrderOpening opening, DeviceDirectory directory, CurrentStates states,
                     CurrentUser currentUser, WorkOrderAssignees assignees, AuditTrail audit, Clock clock) {
        this.store = store;
        this.opening = opening;
        this.directory = directory;
        this.states = states;
        this.currentUser = currentUser;
        this.assignees = assignees;
        this.audit = audit;
        this.clock = clock;
    }

    /** The orders the caller may see, newest first, paged like the device list. */
    @Transactional(readOnly = true)
    public PageResponse<WorkOrder> list(WorkOrderState state, Long deviceId, Long projectId, String assignee, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        AccessScope scope = currentUser.scope();
        if (!scope.all()) {
            if (scope.projectIds().isEmpty()) {
                return new PageResponse<>(List.of(), 0, page, size);
            }
            where.append(" AND o.project_id IN (").append(WorkOrderStore.marks(scope.projectIds().size())).append(")");
            args.addAll(scope.projectIds());
        }
        if (by() == By.TECHNICIAN) {
            where.append(" AND (o.assignee = ? OR o.assignee IS NULL)");
            args.add(me());
        }
        if (state != null) {
            where.append(" AND o.state = ?");
            args.add(state.name());
        }
        if (deviceId != null) {
            where.append(" AND EXISTS (SELECT 1 FROM work_order_device wd WHERE wd.work_order_id = o.id AND wd.device_id = ?)");
            args.add(deviceId);
        }
        if (projectId != null) {
            where.append(" AND o.project_id = ?");
            args.add(projectId);
        }
        if (assignee != null && !assignee.isBlank()) {
            where.append(" AND o.assignee = ?");
            args.add(assignee.trim());
        }
        long total = store.count(where.toString(), args);
        List<WorkOrder> items = store.query(where.toString(), args, size, (long) page * size);
        return new PageResponse<>(items, total, page, size);
    }

    @Transactional(readOnly = true)
    public WorkOrder.Detail get(long id) {
        WorkOrder order = visible(id);
        return detail(order);
    }

    WorkOrder.Detail detail(WorkOrder order) {
        return new WorkOrder.Detail(order, store.events(order.id()), photos(order.id()), WorkOrderTransitions.next(order.state(), by()));
    }

    private List<WorkOrder.Photo> photos(long orderId) {
        return store.photos(orderId);
    }

    /** Opens an order by hand for devices of one project, none of them held by another order (409 naming it). */
    @Transactional
    public WorkOrder.Detail open(OpenRequest in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in == null || in.deviceIds() == null || in.deviceIds().isEmpty()) {
            problems.add(new FieldProblem("deviceIds", "is required: one device or more"));
        } else if (in.deviceIds().size() > MAX_DEVICES) {
            problems.add(new FieldProblem("deviceIds", "at most " + MAX_DEVICES + " devices"));
        } else if (in.deviceIds().stream().anyMatch(java.util.Objects::isNull)) {
            problems.add(new FieldProblem("deviceIds", "must not contain null"));
        }
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            problems.add(new FieldProblem("reason", "is required"));
        } else if (in.reason().length() > 500) {
            problems.add(new FieldProblem("reason", "at most 500 characters"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        List<Long> ids = in.deviceIds().stream().distinct().toList();
        Map<Long, DevicePlace> places = directory.places(ids);
        AccessScope scope = currentUser.scope();
        for (Long id : ids) {
            DevicePlace p = places.get(id);
            if (p == null || !scope.allows(p.projectId())) {
                throw ApiException.invalid("deviceIds", "device " + id + " does not exist");
            }
        }
        long projectId = places.get(ids.get(0)).projectId();
        if (places.values().stream().anyMatch(p -> p.projectId() != projectId)) {
            throw ApiException.invalid("deviceIds", "all devices must belong to one project");
        }
        String assignee = assigneeFor(in.assignee(), projectId);
        Map<Long, Long> held = store.holders(ids);
        if (!held.isEmpty()) {
            Map.Entry<Long, Long> first = held.entrySet().iterator().next();
            throw ApiException.conflict("device " + first.getKey() + " is on open work order " + first.getValue());
        }
        Instant now = clock.instant();
        Map<Long, CurrentStates.Current> current = states.of(ids);
        List<OrderOpening.Failing> failing = ids.stream().map(id -> new OrderOpening.Failing(id, places.get(id).categoryCode(),
                current.containsKey(id) && current.get(id).failing() ? current.get(id).since() : now)).toList();
        Set<Long> sites = new java.util.HashSet<>();
        places.values().forEach(p -> sites.add(p.siteId() == null ? -1L : p.siteId()));
        Long site = sites.size() == 1 && !sites.contains(-1L) ? sites.iterator().next() : null;
        long id;
        try {
            id = opening.open(projectId, site, "MANUAL", in.reason().trim(), failing, me(), assignee, now);
        } catch (DuplicateKeyException raced) {
            throw ApiException.conflict("a device was put on another work order meanwhile; reload and try again");
        }
        return detail(store.find(id).orElseThrow());
    }

    /** A technician opens orders for themselves; a manager may name a technician of the project, or nobody. */
    private String assigneeFor(String requested, long projectId) {
        String name = requested == null || requested.isBlank() ? null : requested.trim();
        if (by() == By.TECHNICIAN) {
            if (name != null && !name.equals(me())) {
                throw ApiException.invalid("assignee", "a technician opens orders for themselves");
            }
            return me();
        }
        if (name != null) {
            requireWorker(name, projectId, "assignee");
        }
        return name;
    }

    private void requireWorker(String username, long projectId, String field) {
        assignees.require(username, projectId, field);
    }

    /** Moves an order to {@code in.to()}: 409 for an illegal or stale move, 422 for missing fields; nothing changes then. */
    @Transactional
    public WorkOrder.Detail transition(long id, TransitionRequest in) {
        if (in == null || in.to() == null) {
            throw ApiException.invalid("to", "is required: one of " + List.of(WorkOrderState.values()));
        }
        WorkOrder order = visible(id);
        By by = by();
        WorkOrderState from = order.state();
        WorkOrderState to = in.to();
        if (!WorkOrderTransitions.allowed(from, to, by)) {
            throw ApiException.conflict("a work order in state " + from + " cannot go to " + to
                    + (by == By.TECHNICIAN ? " by a technician" : ""));
        }
        if (in.version() != null && in.version() != order.version()) {
            throw ApiException.conflict("work order " + id + " changed meanwhile (version " + order.version() + ")");
        }
        validate(in, order);
        Instant now = clock.instant();
        String me = me();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("state", to.name());
        switch (to) {
            case ACCEPTED -> {
                String assignee = by == By.MANAGER && in.assignee() != null && !in.assignee().isBlank() ? in.assignee().trim()
                        : order.assignee() != null && by == By.MANAGER ? order.assignee() : me;
                if (by == By.MANAGER && !assignee.equals(me)) {
                    requireWorker(assignee, order.projectId(), "assignee");
                }
                set.put("assignee", assignee);
                set.put("accepted_at", Times.ts(now));
            }
            case ON_SITE -> {
                set.put("on_site_at", Times.ts(now));
                set.put("on_site_lat", in.latitude());
                set.put("on_site_lon", in.longitude());
            }
            case RESOLVED, CLOSED -> {
                if (to == WorkOrderState.RESOLVED || order.resolvedAt() == null) {
                    set.put("resolved_at", Times.ts(now));
                    set.put("repaired_at", Times.ts(from == WorkOrderState.PENDING_CONFIRMATION ? order.recoveredAt() : now));
                }
                if (in.cause() != null) {
                    set.put("cause", in.cause().name());
                }
                if (in.actionTaken() != null) {
                    set.put("action_taken", in.actionTaken().trim());
                }
                if (in.partsReplaced() != null) {
                    set.put("parts_replaced", in.partsReplaced().trim());
                }
                if (order.assignee() == null) {
                    set.put("assignee", me); // an unassigned order confirmed by whoever confirmed it
                }
                if (order.acceptedAt() == null) {
                    set.put("accepted_at", Times.ts(now));
                }
                if (to == WorkOrderState.CLOSED) {
                    set.put("closed_at", Times.ts(now));
                    set.put("closed_by", me);
                }
            }
            case CANCELLED -> {
                set.put("closed_at", Times.ts(now));
                set.put("closed_by", me);
            }
            default -> throw new IllegalStateException("no people's move to " + to);
        }
        set.put("state_before_recovery", null);
        List<Object> args = new ArrayList<>(set.values());
        String sql = "UPDATE work_order SET " + String.join(", ", set.keySet().stream().map(c -> c + " = ?").toList())
                + ", version = version + 1 WHERE id = ? AND version = ?";
        args.add(id);
        args.add(order.version());
        if (!store.updateVersioned(sql, args.toArray())) {
            throw ApiException.conflict("work order " + id + " changed meanwhile; reload and try again");
        }
        if (!to.holdsDevices()) {
            store.release(id);
        }
        store.event(id, now, me, "TRANSITION", from, to, in.note() == null ? null : in.note().trim());
        WorkOrder after = store.find(id).orElseThrow();
        audit.record(order.projectId(), switch (to) {
                    case ACCEPTED -> "WORK_ORDER_ACCEPT";
                    case ON_SITE -> "WORK_ORDER_ON_SITE";
                    case RESOLVED -> "WORK_ORDER_RESOLVE";
                    case CLOSED -> "WORK_ORDER_CLOSE";
                    case CANCELLED -> "WORK_ORDER_CANCEL";
                    default -> "WORK_ORDER_TRANSITION";
                }, "WorkOrder", id, "Work order " + id + ": " + from + " → " + to, Map.of("state", from.name()), steps(after, in));
        return detail(after);
    }

    private static Map<String, Object> steps(WorkOrder after, TransitionRequest in) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", after.state().name());
        if (after.assignee() != null) {
            out.put("assignee", after.assignee());
        }
        if (in.cause() != null) {
            out.put("cause", in.cause().name());
        }
        if (in.note() != null) {
            out.put("note", in.note());
        }
        return out;
    }

    private static void validate(TransitionRequest in, WorkOrder order) {
        List<FieldProblem> problems = new ArrayList<>();
        text("note", in.note(), 1000, problems);
        text("actionTaken", in.actionTaken(), 2000, problems);
        text("partsReplaced", in.partsReplaced(), 1000, problems);
        Coordinates.check(in.latitude(), in.longitude(), problems);
        if (in.latitude() != null && in.to() != WorkOrderState.ON_SITE) {
            problems.add(new FieldProblem("latitude", "a location is given on arriving (ON_SITE)"));
        }
        boolean confirming = in.to() == WorkOrderState.RESOLVED
                || (in.to() == WorkOrderState.CLOSED && order.state() == WorkOrderState.PENDING_CONFIRMATION);
        if (confirming && in.cause() == null) {
            problems.add(new FieldProblem("cause", "is required: one of " + List.of(Cause.values())));
        }
        if (!confirming && (in.cause() != null || in.actionTaken() != null || in.partsReplaced() != null)) {
            problems.add(new FieldProblem("cause", "cause, action and parts are given when resolving"));
        }
        if (in.to() == WorkOrderState.CANCELLED && (in.note() == null || in.note().isBlank())) {
            problems.add(new FieldProblem("note", "say why the order is cancelled"));
        }
        if (in.assignee() != null && in.to() != WorkOrderState.ACCEPTED) {
            problems.add(new FieldProblem("assignee", "an assignee is given on accepting"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    private static void text(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "at most " + max + " characters"));
        }
    }

    /** The order if the caller may see it; 404 otherwise (another technician's order does not exist for them). */
    WorkOrder visible(long id) {
        WorkOrder order = store.find(id).orElseThrow(() -> ApiException.notFound("Work order", id));
        if (!currentUser.scope().allows(order.projectId())
                || (by() == By.TECHNICIAN && order.assignee() != null && !order.assignee().equals(me()))) {
            throw ApiException.notFound("Work order", id);
        }
        return order;
    }

    /** Whether the caller manages orders (manager, admin) or works them (technician). */
    static By by() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return By.SYSTEM;
        }
        boolean manages = auth.getAuthorities().stream().anyMatch(a -> Permission.WORK_ORDER_MANAGE.name().equals(a.getAuthority()));
        return manages ? By.MANAGER : By.TECHNICIAN;
    }

    static String me() {
        return AuditTrail.currentActor();
    }
}
