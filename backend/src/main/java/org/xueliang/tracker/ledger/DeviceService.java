package org.xueliang.tracker.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.InputProblems;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Use cases of the device ledger: list, read, create, replace, patch, delete and lifecycle steps.
 * Every write is validated as a whole, confined to the user's projects and audited with the record
 * before and after, in one transaction.
 */
@Service
@Transactional
public class DeviceService {

    static final String ENTITY = "Device";

    private final DeviceRepository devices;
    private final DeviceLifecycleEventRepository events;
    private final DeviceCategoryRepository categories;
    private final LedgerReference.Loader references;
    private final AuditTrail audit;
    private final ProbeConfigurator probes;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;
    private final GbCodeRule gbCodes;
    private final GbPassword gbPasswords;

    DeviceService(DeviceRepository devices, DeviceLifecycleEventRepository events, DeviceCategoryRepository categories,
                  LedgerReference.Loader references, AuditTrail audit, ProbeConfigurator probes, CurrentUser currentUser,
                  JsonMapper json, Clock clock, ApplicationEventPublisher publisher, GbCodeRule gbCodes,
                  GbPassword gbPasswords) {
        this.publisher = publisher;
        this.gbCodes = gbCodes;
        this.gbPasswords = gbPasswords;
        this.devices = devices;
        this.probes = probes;
        this.events = events;
        this.categories = categories;
        this.references = references;
        this.audit = audit;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<DeviceView> list(DeviceFilter filter, Pageable pageable) {
        Function<Device, DeviceView> view = viewer();
        return devices.findAll(filter.toSpecification(currentUser.scope()), pageable).map(view);
    }

    /** Every device matching the filter, unpaged, in asset-tag order: the export's rows. */
    @Transactional(readOnly = true)
    public List<Device> all(DeviceFilter filter) {
        return devices.findAll(filter.toSpecification(currentUser.scope()),
                org.springframework.data.domain.Sort.by("assetTag"));
    }

    /** How many devices match the filter within the current user's projects (a bound checked before loading them). */
    @Transactional(readOnly = true)
    public long count(DeviceFilter filter) {
        return devices.count(filter.toSpecification(currentUser.scope()));
    }

    /**
     * The devices of {@code ids} in asset-tag order, each once. An id that does not exist or lies outside the current
     * user's projects is a 404, as for {@code GET /devices/{id}}: a selection is taken whole or not at all, and the
     * answer does not tell another project's ids from missing ones.
     */
    @Transactional(readOnly = true)
    public List<Device> selected(Collection<Long> ids) {
        var wanted = new LinkedHashSet<>(ids);
        var found = new HashMap<Long, Device>();
        devices.findAllById(wanted).forEach(d -> found.put(d.getId(), d));
        for (Long id : wanted) {
            Device d = found.get(id);
            if (d == null || !currentUser.scope().allows(d.getProjectId())) {
                throw ApiException.notFound("Device", id);
            }
        }
        return found.values().stream().sorted(Comparator.comparing(Device::getAssetTag)).toList();
    }

    @Transactional(readOnly = true)
    public DeviceView get(long id) {
        return viewer().apply(load(id));
    }

    public DeviceView create(DeviceFields fields) {
        return create(fields, null);
    }

    /** Creates a device, with its probing configuration when {@code probe} is given. */
    public DeviceView create(DeviceFields requested, ProbeInput probe) {
        return create(requested, probe, null);
    }

    /** Creates a device; {@code gbPassword} (null: none) is its own GB/T 28181 password, see {@link GbPassword}. */
    public DeviceView create(DeviceFields requested, ProbeInput probe, String gbPassword) {
        DeviceFields fields = probe == null ? requested : probe.overlay(requested);
        DeviceWriteContext context = writeContext();
        requireValid(fields, probe, gbPassword, context, null);
        if (devices.findByAssetTag(fields.assetTag()).isPresent()) {
            throw ApiException.conflict("Asset tag " + fields.assetTag() + " is already in the ledger");
        }
        return insert(fields, probe, gbPassword, context);
    }

    /**
     * Creates the ledger device of a GB/T 28181 registration nobody had in the ledger ({@code fields.gbCode()} is its
     * code): the normal create, with its validation (the code's format, region and uniqueness), scope and audit entry,
     * then a {@code GB_ADOPT} entry that names the code.
     */
    public DeviceView adoptGb(DeviceFields fields) {
        DeviceView created = create(fields);
        audit.record(created.projectId(), "GB_ADOPT", ENTITY, created.id(), "Adopted the GB/T 28181 device " + fields.gbCode()
                + " as " + created.assetTag(), null, Map.of("gbCode", fields.gbCode()));
        return created;
    }

    public DeviceView replace(long id, DeviceFields fields) {
        return replace(id, fields, null);
    }

    public DeviceView replace(long id, DeviceFields requested, ProbeInput probe) {
        return replace(id, requested, probe, null);
    }

    /** PUT: replaces the fields; {@code gbPassword} null keeps the stored password, "" removes it. */
    public DeviceView replace(long id, DeviceFields requested, ProbeInput probe, String gbPassword) {
        DeviceFields fields = probe == null ? requested : probe.overlay(requested);
        Device device = load(id);
        if (fields.lifecycle() != null && fields.lifecycle() != device.getLifecycle()) {
            throw ApiException.conflict("The lifecycle changes only through POST /api/v1/devices/" + id
                    + "/lifecycle; the device is " + device.getLifecycle());
        }
        DeviceFields current = device.fields();
        for (LifecycleDate step : LifecycleDate.values()) {
            LocalDate given = step.of(fields);
            if (given != null && !given.equals(step.of(current))) {
                throw ApiException.conflict(step.field + " changes only through POST /api/v1/devices/" + id
                        + "/lifecycle; it is " + step.of(current));
            }
        }
        // Lifecycle dates left out of a PUT keep their values: they are not the client's to clear.
        DeviceFields withState = withLifecycleOf(fields, current);
        DeviceWriteContext context = writeContext();
        requireValid(withState, probe, gbPassword, context, id);
        devices.findByAssetTag(withState.assetTag()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw ApiException.conflict("Asset tag " + withState.assetTag() + " belongs to device " + other.getId());
        });
        return overwrite(device, withState, probe, gbPassword, context);
    }

    /**
     * The reference data, category tiers and today's date that every write checks against. Loaded
     * once per request, or once per import however many rows it has.
     */
    @Transactional(readOnly = true)
    public DeviceWriteContext writeContext() {
        return new DeviceWriteContext(references.load(), tiers(), LocalDate.now(clock));
    }

    /** Everything wrong with {@code fields} as the content of a device: validation rules and the user's project scope. */
    public List<FieldProblem> problems(DeviceFields fields, DeviceWriteContext context) {
        List<FieldProblem> problems = new ArrayList<>(DeviceFieldsValidator.validate(fields, context.reference(), context.today()));
        gbCodes.check(fields, context.reference()).ifPresent(problems::add);
        if (fields.projectId() != null && !inScope(fields.projectId())) {
            problems.add(new FieldProblem("projectId", "you have no access to project " + fields.projectId()));
        }
        return problems;
    }

    /**
     * {@link #problems(DeviceFields, DeviceWriteContext)} of the device {@code selfId} (null: a new one), plus a
     * national code that another device already carries.
     */
    public List<FieldProblem> problems(DeviceFields fields, DeviceWriteContext context, Long selfId) {
        List<FieldProblem> problems = problems(fields, context);
        if (problems.stream().noneMatch(p -> p.field().equals(GbCodeRule.FIELD))) {
            gbCodes.taken(fields, selfId, this::inScope).ifPresent(problems::add);
        }
        return problems;
    }

    /** True when the current user may see and change devices of this project. */
    public boolean inScope(Long projectId) {
        return currentUser.scope().allows(projectId);
    }

    /**
     * Adds a device: the one write path of both POST /devices and the import. The caller has made
     * sure the asset tag is free (one query here, one batch query for an import).
     */
    public DeviceView insert(DeviceFields fields, DeviceWriteContext context) {
        return insert(fields, null, null, context);
    }

    DeviceView insert(DeviceFields fields, ProbeInput probe, String gbPassword, DeviceWriteContext context) {
        requireValid(fields, probe, gbPassword, context, null);
        Device device = new Device();
        device.apply(fields);
        probes.apply(device, probe);
        gbPasswords.apply(device, gbPassword);
        devices.save(device);
        recordInitialStep(device);
        DeviceView after = DeviceView.of(device, context.reference(), context.tiers());
        audit.record(device.getProjectId(), "CREATE", ENTITY, device.getId(), "Created device " + device.getAssetTag(), null, after);
        return after;
    }

    /**
     * Replaces a device's fields: the one write path of PUT/PATCH and the import. PUT keeps the
     * lifecycle (checked by {@link #replace}); the import may set it, being the migration tool, and
     * then the step is recorded in the device's history like any other.
     */
    public DeviceView overwrite(Device device, DeviceFields fields, DeviceWriteContext context) {
        return overwrite(device, fields, null, null, context);
    }

    DeviceView overwrite(Device device, DeviceFields fields, ProbeInput probe, String gbPassword, DeviceWriteContext context) {
        if (!inScope(device.getProjectId())) {
            // Callers check this already (load, the import's own check); a device outside the scope stays invisible.
            throw ApiException.notFound("Device", device.getId());
        }
        requireValid(fields, probe, gbPassword, context, device.getId());
        Lifecycle from = device.getLifecycle();
        DeviceView before = DeviceView.of(device, context.reference(), context.tiers());
        DeviceFactsChanged.Facts factsBefore = DeviceFactsChanged.Facts.of(device);
        device.apply(fields);
        probes.apply(device, probe);
        gbPasswords.apply(device, gbPassword);
        devices.saveAndFlush(device);
        factsChanged(device.getId(), factsBefore, DeviceFactsChanged.Facts.of(device));
        if (device.getLifecycle() != from) {
            events.save(new DeviceLifecycleEvent(device.getId(), from, device.getLifecycle(), device.currentStepDate(),
                    AuditTrail.currentActor()));
        }
        DeviceView after = DeviceView.of(device, context.reference(), context.tiers());
        audit.record(device.getProjectId(), "UPDATE", ENTITY, device.getId(), "Updated device " + device.getAssetTag(), before, after);
        return after;
    }

    /** JSON merge patch (RFC 7396): the given fields replace, {@code null} clears, the rest stay. */
    public DeviceView patch(long id, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest("body", "a merge patch must be a JSON object");
        }
        Device device = load(id);
        ObjectNode merged = (ObjectNode) json.valueToTree(device.fields());
        Set<String> known = fieldNames(merged);
        ProbeInput probe = probeOf(patch);
        String gbPassword = gbPasswordOf(patch);
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(PROBE) || e.getKey().equals(GbPassword.FIELD) || e.getKey().equals(UPLINK)) {
                continue;
            }
            if (!known.contains(e.getKey())) {
                throw ApiException.badRequest(e.getKey(), "'" + e.getKey() + "' is not a writable device field");
            }
            merged.set(e.getKey(), e.getValue());
        }
        DeviceFields fields;
        try {
            fields = json.treeToValue(merged, DeviceFields.class);
        } catch (JacksonException e) {
            throw wrongType(InputProblems.of(e));
        }
        return replace(id, fields, probe, gbPassword);
    }

    /**
     * Moves a device to another site, e.g. where a stocktake found it: the PATCH path (validated, audited as an
     * UPDATE, 404 outside the caller's projects).
     */
    public DeviceView relocate(long id, long siteId) {
        return patch(id, json.createObjectNode().put("siteId", siteId));
    }

    static final String PROBE = "probe";
    /** The uplink travels with the body but is written apart, after its own checks ({@link DeviceUplinks}). */
    static final String UPLINK = "uplinkDeviceId";

    /** The write-only {@code "gbPassword"} of a request body: null when absent or null (keep), a string otherwise. */
    public String gbPasswordOf(JsonNode body) {
        JsonNode node = body == null ? null : body.get(GbPassword.FIELD);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw ApiException.badRequest(GbPassword.FIELD, "must be a string");
        }
        return node.asString();
    }

    /** The {@code "probe"} object of a request body, or null when there is none. */
    public ProbeInput probeOf(JsonNode body) {
        JsonNode node = body == null ? null : body.get(PROBE);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return json.treeToValue(node, ProbeInput.class);
        } catch (JacksonException e) {
            throw wrongType(InputProblems.of(e, PROBE));
        }
    }

    private static ApiException wrongType(FieldProblem problem) {
        return ApiException.badRequest(problem.field(), problem.message());
    }

    /** The device fields of a request body (everything but {@code "probe"}, {@code "gbPassword"} and {@code "uplinkDeviceId"}). */
    public DeviceFields fieldsOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("body", "a device must be a JSON object");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove(PROBE);
        copy.remove(GbPassword.FIELD);
        copy.remove(UPLINK);
        try {
            return json.treeToValue(copy, DeviceFields.class);
        } catch (JacksonException e) {
            throw wrongType(InputProblems.of(e));
        }
    }

    public void delete(long id) {
        Device device = load(id);
        DeviceView before = viewer().apply(device);
        events.deleteAll(events.findByDeviceIdOrderByStepDateAscIdAsc(id));
        devices.delete(device);
        factsChanged(id, DeviceFactsChanged.Facts.of(device), null);
        audit.record(device.getProjectId(), "DELETE", ENTITY, id, "Deleted device " + device.getAssetTag(), before, null);
    }

    public DeviceView transition(long id, Lifecycle to, LocalDate date) {
        if (to == null) {
            throw ApiException.invalid("to", "is required: one of " + List.of(Lifecycle.values()));
        }
        Device device = load(id);
        Lifecycle from = device.getLifecycle();
        if (!from.canMoveTo(to)) {
            throw ApiException.conflict("A device that is " + from + " cannot become " + to + "; legal next steps: "
                    + from.legalNext());
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate stepDate = date == null ? today : date;
        if (stepDate.isAfter(today)) {
            throw ApiException.invalid("date", "is in the future");
        }
        // The device's columns keep the first in-service date; a return to service after a fault
        // is only on record as a step, so the newest recorded step counts too.
        LocalDate previous = device.currentStepDate();
        for (DeviceLifecycleEvent e : events.findByDeviceIdOrderByStepDateAscIdAsc(id)) {
            if (previous == null || e.getStepDate().isAfter(previous)) {
                previous = e.getStepDate();
            }
        }
        if (previous != null && stepDate.isBefore(previous)) {
            throw ApiException.invalid("date", "is before the device's previous step (" + from + " on " + previous + ")");
        }
        LedgerReference ref = references.load();
        DeviceView before = view(device, ref);
        DeviceFactsChanged.Facts factsBefore = DeviceFactsChanged.Facts.of(device);
        device.moveTo(to, stepDate);
        devices.saveAndFlush(device);
        factsChanged(id, factsBefore, DeviceFactsChanged.Facts.of(device));
        events.save(new DeviceLifecycleEvent(id, from, to, stepDate, AuditTrail.currentActor()));
        DeviceView after = view(device, ref);
        audit.record(device.getProjectId(), "LIFECYCLE", ENTITY, id, device.getAssetTag() + ": " + from + " → " + to + " on " + stepDate, before, after);
        return after;
    }

    /** Tells listeners (synchronously, inside this transaction) when what availability groups a device by has changed. */
    private void factsChanged(long id, DeviceFactsChanged.Facts before, DeviceFactsChanged.Facts after) {
        if (!before.equals(after)) {
            publisher.publishEvent(new DeviceFactsChanged(id, before, after));
        }
    }

    @Transactional(readOnly = true)
    public List<DeviceLifecycleEvent> lifecycleEvents(long id) {
        load(id);
        return events.findByDeviceIdOrderByStepDateAscIdAsc(id);
    }

    /** Records the steps a device created in a later state has already taken, so its history is complete. */
    void recordInitialStep(Device device) {
        String actor = AuditTrail.currentActor();
        Lifecycle previous = null;
        for (Lifecycle step : List.of(Lifecycle.PLANNED, Lifecycle.DELIVERED, Lifecycle.INSTALLED, Lifecycle.ACCEPTED, Lifecycle.IN_SERVICE)) {
            LocalDate date = stepDate(device, step);
            if (date != null) {
                events.save(new DeviceLifecycleEvent(device.getId(), previous, step, date, actor));
                previous = step;
            }
        }
        for (Lifecycle step : List.of(Lifecycle.FAULTY, Lifecycle.RETIRED)) {
            LocalDate date = stepDate(device, step);
            if (date != null) {
                events.save(new DeviceLifecycleEvent(device.getId(), previous, step, date, actor));
                previous = step;
            }
        }
        if (previous == null) {
            events.save(new DeviceLifecycleEvent(device.getId(), null, device.getLifecycle(), LocalDate.now(clock), actor));
        }
    }

    private static LocalDate stepDate(Device d, Lifecycle step) {
        return switch (step) {
            case PLANNED -> d.getPlannedOn();
            case DELIVERED -> d.getDeliveredOn();
            case INSTALLED -> d.getInstalledOn();
            case ACCEPTED -> d.getAcceptedOn();
            case IN_SERVICE -> d.getInServiceOn();
            case FAULTY -> d.getFaultyOn();
            case RETIRED -> d.getRetiredOn();
        };
    }

    Device load(long id) {
        Device device = devices.findById(id).orElseThrow(() -> ApiException.notFound("Device", id));
        if (!currentUser.scope().allows(device.getProjectId())) {
            throw ApiException.notFound("Device", id);
        }
        return device;
    }

    void requireValid(DeviceFields fields, ProbeInput probe, String gbPassword, DeviceWriteContext context, Long selfId) {
        List<FieldProblem> problems = new ArrayList<>(problems(fields, context, selfId));
        problems.addAll(ProbeConfigurator.validate(probe));
        problems.addAll(gbPasswords.validate(gbPassword, fields));
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }

    Function<Device, DeviceView> viewer() {
        LedgerReference ref = references.load();
        Map<String, Tier> tiers = tiers();
        return d -> DeviceView.of(d, ref, tiers);
    }

    private DeviceView view(Device d, LedgerReference ref) {
        return DeviceView.of(d, ref, tiers());
    }

    private Map<String, Tier> tiers() {
        return categories.findAll().stream().collect(Collectors.toMap(DeviceCategory::getCode, DeviceCategory::getTier));
    }

    static DeviceFields withLifecycle(DeviceFields f, Lifecycle lifecycle) {
        return new DeviceFields(f.projectId(), f.assetTag(), f.name(), f.category(), f.constructionItemId(), f.siteId(),
                f.vendor(), f.model(), f.serialNumber(), f.macAddress(), f.ipAddress(), f.firmware(), lifecycle,
                f.plannedOn(), f.deliveredOn(), f.installedOn(), f.acceptedOn(), f.inServiceOn(), f.faultyOn(),
                f.retiredOn(), f.warrantyEnd(), f.unitPrice(), f.notes(), f.probeMethod(), f.probePort(),
                f.probeHost(), f.probeIntervalSeconds(), f.probeTimeoutMs(), f.probeZone(), f.gbCode());
    }

    /** The dates a device's lifecycle steps set; after creation only the lifecycle endpoint writes them. */
    enum LifecycleDate {
        PLANNED_ON("plannedOn"), DELIVERED_ON("deliveredOn"), INSTALLED_ON("installedOn"), ACCEPTED_ON("acceptedOn"),
        IN_SERVICE_ON("inServiceOn"), FAULTY_ON("faultyOn"), RETIRED_ON("retiredOn");

        final String field;

        LifecycleDate(String field) {
            this.field = field;
        }

        LocalDate of(DeviceFields f) {
            return switch (this) {
                case PLANNED_ON -> f.plannedOn();
                case DELIVERED_ON -> f.deliveredOn();
                case INSTALLED_ON -> f.installedOn();
                case ACCEPTED_ON -> f.acceptedOn();
                case IN_SERVICE_ON -> f.inServiceOn();
                case FAULTY_ON -> f.faultyOn();
                case RETIRED_ON -> f.retiredOn();
            };
        }
    }

    /** {@code f} with the lifecycle state and every lifecycle date taken from {@code current}. */
    static DeviceFields withLifecycleOf(DeviceFields f, DeviceFields current) {
        return new DeviceFields(f.projectId(), f.assetTag(), f.name(), f.category(), f.constructionItemId(), f.siteId(),
                f.vendor(), f.model(), f.serialNumber(), f.macAddress(), f.ipAddress(), f.firmware(), current.lifecycle(),
                current.plannedOn(), current.deliveredOn(), current.installedOn(), current.acceptedOn(),
                current.inServiceOn(), current.faultyOn(), current.retiredOn(), f.warrantyEnd(), f.unitPrice(), f.notes(),
                f.probeMethod(), f.probePort(), f.probeHost(), f.probeIntervalSeconds(), f.probeTimeoutMs(), f.probeZone(),
                f.gbCode());
    }

    private static Set<String> fieldNames(ObjectNode node) {
        return node.propertyNames().stream().collect(Collectors.toSet());
    }
}
