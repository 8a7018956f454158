package org.xueliang.tracker.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.ledger.ConstructionItemRepository;
import org.xueliang.tracker.ledger.DeviceRepository;
import org.xueliang.tracker.ledger.Project;
import org.xueliang.tracker.ledger.ProjectRepository;
import org.xueliang.tracker.ledger.QuantityTargetRepository;
import org.xueliang.tracker.ledger.Site;
import org.xueliang.tracker.ledger.SiteKind;
import org.xueliang.tracker.ledger.SiteRepository;
import org.xueliang.tracker.shared.ApiException;

@RestController
class ProgressController {

    private final ProjectRepository projects;
    private final ConstructionItemRepository items;
    private final QuantityTargetRepository targets;
    private final DeviceRepository devices;
    private final SiteRepository sites;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProgressController(ProjectRepository projects, ConstructionItemRepository items, QuantityTargetRepository targets,
                       DeviceRepository devices, SiteRepository sites, CurrentUser currentUser, Clock clock) {
        this.projects = projects;
        this.items = items;
        this.targets = targets;
        this.devices = devices;
        this.sites = sites;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping("/api/v1/projects/{id}/progress")
    @Transactional(readOnly = true)
    Progress progress(@PathVariable long id) {
        Project project = projects.findById(id).filter(p -> currentUser.scope().allows(p.getId()))
                .orElseThrow(() -> ApiException.notFound("Project", id));
        Map<Long, SiteKind> siteKinds = sites.findAll().stream().collect(Collectors.toMap(Site::getId, Site::getKind));
        return ProgressCalculator.compute(project, items.findByProjectIdOrderBySeq(id), targets.findByProjectIdOrderBySeq(id),
                devices.findByProjectId(id), siteKinds, LocalDate.now(clock));
    }
}
