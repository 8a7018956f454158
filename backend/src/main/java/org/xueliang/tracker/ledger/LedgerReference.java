package org.xueliang.tracker.ledger;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * A snapshot of the reference data a device refers to (projects, categories, sites, construction
 * items) and each project's 行政区划代码 (region code, null when unset), loaded once per request or import so
 * that validating 1,000 rows costs four queries.
 */
public record LedgerReference(Set<Long> projectIds, Set<String> categoryCodes, Map<Long, Site> sites,
                              Map<String, Site> sitesByCode, Map<Long, ConstructionItem> items,
                              Map<Long, String> regionCodes) {

    @Component
    public static class Loader {
        private final ProjectRepository projects;
        private final DeviceCategoryRepository categories;
        private final SiteRepository sites;
        private final ConstructionItemRepository items;

        Loader(ProjectRepository projects, DeviceCategoryRepository categories, SiteRepository sites,
               ConstructionItemRepository items) {
            this.projects = projects;
            this.categories = categories;
            this.sites = sites;
            this.items = items;
        }

        public LedgerReference load() {
            var allSites = sites.findAll();
            var allProjects = projects.findAll();
            // a project without a region code accepts codes of any region (HashMap: the values may be null)
            Map<Long, String> regionCodes = new java.util.HashMap<>();
            allProjects.forEach(p -> regionCodes.put(p.getId(), p.getRegionCode()));
            return new LedgerReference(
                    allProjects.stream().map(Project::getId).collect(Collectors.toSet()),
                    categories.findAll().stream().map(DeviceCategory::getCode).collect(Collectors.toSet()),
                    allSites.stream().collect(Collectors.toMap(Site::getId, Function.identity())),
                    allSites.stream().collect(Collectors.toMap(Site::getCode, Function.identity())),
                    items.findAll().stream().collect(Collectors.toMap(ConstructionItem::getId, Function.identity())),
                    regionCodes);
        }
    }
}
