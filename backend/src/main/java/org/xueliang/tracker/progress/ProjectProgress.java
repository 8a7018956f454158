package org.xueliang.tracker.progress;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.ledger.ConstructionItemRepository;
import org.xueliang.tracker.ledger.DeviceRepository;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.QuantityTargetRepository;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteKind;
import org.xueliang.tracker.ledger.SiteRepository;

/** The progress of a project from the ledger, for the API and for evaluations (数量, 成本, 预算执行率 rows). */
@Service
public class ProjectProgress {

    private final ConstructionItemRepository items;
    private final QuantityTargetRepository targets;
    private final DeviceRepository devices;
    private final SiteRepository sites;

    ProjectProgress(ConstructionItemRepository items, QuantityTargetRepository targets, DeviceRepository devices,
                    SiteRepository sites) {
        this.items = items;
        this.targets = targets;
        this.devices = devices;
        this.sites = sites;
    }

    @Transactional(readOnly = true)
    public Progress of(Project project, LocalDate asOf) {
        long id = project.getId();
        Map<Long, SiteKind> siteKinds = sites.findAll().stream().collect(Collectors.toMap(Site::getId, Site::getKind));
        return ProgressCalculator.compute(project, items.findByProjectIdOrderBySeq(id), targets.findByProjectIdOrderBySeq(id),
                devices.findByProjectId(id), siteKinds, asOf);
    }
}
