package org.xueliang.tracker.seed;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.ConstructionItem;
import org.xueliang.tracker.ledger.ConstructionItemRepository;
import org.xueliang.tracker.ledger.DeviceCategory;
import org.xueliang.tracker.ledger.DeviceCategoryRepository;
import org.xueliang.tracker.ledger.DeviceFields;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.ledger.QuantityTarget;
import org.xueliang.tracker.ledger.QuantityTargetRepository;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.shared.FirstStart;

import tools.jackson.databind.json.JsonMapper;

/** Loads the reference dataset into an empty database on start-up (after the first admin exists). */
@Component
@Order(10)
class ReferenceDataLoader implements ApplicationRunner {

    static final String RESOURCE = "seed/jishan-phase1.json";
    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    private final ProjectRepository projects;
    private final ConstructionItemRepository items;
    private final DeviceCategoryRepository categories;
    private final SiteRepository sites;
    private final QuantityTargetRepository targets;
    private final DeviceService devices;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final boolean enabled;
    private final FirstStart firstStart;

    ReferenceDataLoader(ProjectRepository projects, ConstructionItemRepository items, DeviceCategoryRepository categories,
                        SiteRepository sites, QuantityTargetRepository targets, DeviceService devices, AuditTrail audit,
                        JsonMapper json, FirstStart firstStart, @Value("${xl.seed:true}") boolean enabled) {
        this.firstStart = firstStart;
        this.projects = projects;
        this.items = items;
        this.categories = categories;
        this.sites = sites;
        this.targets = targets;
        this.devices = devices;
        this.audit = audit;
        this.json = json;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!enabled) {
            return;
        }
        ReferenceDataset data = read();
        // Under the first-start lock: two instances starting on one empty database load it once.
        if (firstStart.once("reference dataset", () -> projects.count() > 0, () -> load(data))) {
            log.info("Loaded the reference dataset: {} with {} devices", data.project().name(), data.devices().size());
        }
    }

    ReferenceDataset read() throws IOException {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return json.readValue(in, ReferenceDataset.class);
        }
    }

    Project load(ReferenceDataset data) {
        var existing = categories.findAll().stream().map(DeviceCategory::getCode).collect(Collectors.toCollection(HashSet::new));
        for (var c : data.categories()) {
            if (!existing.contains(c.code())) {
                categories.save(new DeviceCategory(c.code(), c.nameZh(), c.nameEn(), c.tier(), c.defaultProbeMethod(), c.sortOrder(),
                        Boolean.TRUE.equals(c.camera())));
            }
        }
        for (var s : data.sites()) {
            if (sites.findByCode(s.code()).isEmpty()) {
                sites.save(new Site(s.code(), s.name(), s.kind(), s.township(), s.address(), s.latitude(), s.longitude()));
            }
        }
        Project project = saveProject(data.project());
        Map<Integer, ConstructionItem> itemBySeq = data.constructionItems().stream()
                .map(i -> items.save(new ConstructionItem(project.getId(), i.seq(), i.name(), i.plannedCompletion(), i.actualCompletion())))
                .collect(Collectors.toMap(ConstructionItem::getSeq, Function.identity()));
        for (var t : data.quantityTargets()) {
            targets.save(new QuantityTarget(project.getId(), t.seq(), t.label(), t.unit(), t.plannedCount(), t.weight(),
                    new HashSet<>(t.categories()), new HashSet<>(t.siteKinds())));
        }
        audit.recordAs(AuditTrail.SYSTEM_ACTOR, project.getId(), "SEED", "Project", project.getId(),
                "Loaded reference dataset " + project.getCode() + " (" + data.devices().size() + " devices)", null, null);
        Map<String, Long> siteIds = sites.findAll().stream().collect(Collectors.toMap(Site::getCode, Site::getId));
        for (var d : data.devices()) {
            ConstructionItem item = d.constructionItemSeq() == null ? null : itemBySeq.get(d.constructionItemSeq());
            devices.create(new DeviceFields(project.getId(), d.assetTag(), d.name(), d.category(),
                    item == null ? null : item.getId(), d.siteCode() == null ? null : siteIds.get(d.siteCode()),
                    d.vendor(), d.model(), d.serialNumber(), d.macAddress(), d.ipAddress(), d.firmware(), d.lifecycle(),
                    d.plannedOn(), d.deliveredOn(), d.installedOn(), d.acceptedOn(), d.inServiceOn(), d.faultyOn(),
                    d.retiredOn(), d.warrantyEnd(), d.unitPrice(), d.notes(), d.probeMethod(), d.probePort(), null,
                    null, null, null, d.gbCode()));
        }
        return project;
    }

    private Project saveProject(ReferenceDataset.ProjectData p) {
        Project project = new Project();
        project.setCode(p.code());
        project.setCounty(p.county());
        project.setName(p.name());
        project.setPhase(p.phase());
        project.setContractAmount(p.contractAmount());
        project.setAuditedAmount(p.auditedAmount());
        project.setBudgetAmount(p.budgetAmount());
        project.setSpentAmount(p.spentAmount());
        if (p.costCeilingPct() != null) {
            project.setCostCeilingPct(p.costCeilingPct());
        }
        project.setPlannedStart(p.plannedStart());
        project.setPlannedEnd(p.plannedEnd());
        project.setActualStart(p.actualStart());
        project.setActualEnd(p.actualEnd());
        project.setRegionCode(p.regionCode());
        return projects.save(project);
    }
}
