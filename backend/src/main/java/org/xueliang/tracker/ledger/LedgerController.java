package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xueliang.tracker.identity.CurrentUser;
import org.xueliang.tracker.shared.ApiException;

/** Read-only reference data of the ledger: projects, their construction items, sites and categories. */
@RestController
@RequestMapping("/api/v1")
@Transactional(readOnly = true)
class LedgerController {

    private final ProjectRepository projects;
    private final ConstructionItemRepository items;
    private final SiteRepository sites;
    private final DeviceCategoryRepository categories;
    private final CurrentUser currentUser;

    LedgerController(ProjectRepository projects, ConstructionItemRepository items, SiteRepository sites,
                     DeviceCategoryRepository categories, CurrentUser currentUser) {
        this.projects = projects;
        this.items = items;
        this.sites = sites;
        this.categories = categories;
        this.currentUser = currentUser;
    }

    record ProjectView(Long id, String code, String county, String name, String phase, BigDecimal contractAmount,
                       BigDecimal auditedAmount, BigDecimal budgetAmount, BigDecimal spentAmount, BigDecimal costCeilingPct,
                       LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
                       String regionCode) {
        static ProjectView of(Project p) {
            return new ProjectView(p.getId(), p.getCode(), p.getCounty(), p.getName(), p.getPhase(), p.getContractAmount(),
                    p.getAuditedAmount(), p.getBudgetAmount(), p.getSpentAmount(), p.getCostCeilingPct(),
                    p.getPlannedStart(), p.getPlannedEnd(), p.getActualStart(), p.getActualEnd(), p.getRegionCode());
        }
    }

    record ConstructionItemView(Long id, Long projectId, int seq, String name, LocalDate plannedCompletion,
                                LocalDate actualCompletion) {
    }

    record SiteView(Long id, String code, String name, SiteKind kind, String township, String address,
                    BigDecimal latitude, BigDecimal longitude) {
    }

    record CategoryView(String code, String nameZh, String nameEn, Tier tier, ProbeMethod defaultProbeMethod) {
    }

    @GetMapping("/projects")
    List<ProjectView> projects() {
        var scope = currentUser.scope();
        return projects.findAll(Sort.by("id")).stream().filter(p -> scope.allows(p.getId())).map(ProjectView::of).toList();
    }

    @GetMapping("/projects/{id}")
    ProjectView project(@PathVariable long id) {
        return ProjectView.of(visibleProject(id));
    }

    @GetMapping("/projects/{id}/construction-items")
    List<ConstructionItemView> constructionItems(@PathVariable long id) {
        visibleProject(id);
        return items.findByProjectIdOrderBySeq(id).stream()
                .map(i -> new ConstructionItemView(i.getId(), i.getProjectId(), i.getSeq(), i.getName(),
                        i.getPlannedCompletion(), i.getActualCompletion()))
                .toList();
    }

    @GetMapping("/sites")
    List<SiteView> sites() {
        return sites.findAll(Sort.by("code")).stream()
                .map(s -> new SiteView(s.getId(), s.getCode(), s.getName(), s.getKind(), s.getTownship(), s.getAddress(),
                        s.getLatitude(), s.getLongitude()))
                .toList();
    }

    @GetMapping("/categories")
    List<CategoryView> categories() {
        return categories.findAll().stream().sorted(Comparator.comparingInt(DeviceCategory::getSortOrder))
                .map(c -> new CategoryView(c.getCode(), c.getNameZh(), c.getNameEn(), c.getTier(), c.getDefaultProbeMethod()))
                .toList();
    }

    Project visibleProject(long id) {
        Project p = projects.findById(id).orElseThrow(() -> ApiException.notFound("Project", id));
        if (!currentUser.scope().allows(id)) {
            throw ApiException.notFound("Project", id);
        }
        return p;
    }
}
