package org.xueliang.tracker.ledger;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.jpa.domain.Specification;
import org.xueliang.tracker.identity.AccessScope;
import org.xueliang.tracker.shared.FilterText;

/**
 * The ledger list's filters, turned into one JPA specification (always narrowed to the user's projects).
 * {@code q} matches asset tag, name, serial number, IP address, vendor, model and national code (gbCode);
 * {@code hasGbCode} keeps the devices with (true) or without (false) one.
 * The free-text ones are bounded ({@link FilterText}) wherever a filter comes from: list and export.
 */
public record DeviceFilter(Long projectId, String category, Long siteId, Lifecycle lifecycle, String q, Boolean hasGbCode) {

    public DeviceFilter {
        FilterText.check("category", category);
        FilterText.check("q", q);
    }

    public static final DeviceFilter NONE = new DeviceFilter(null, null, null, null, null, null);

    Specification<Device> toSpecification(AccessScope scope) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!scope.all()) {
                where.add(scope.projectIds().isEmpty() ? cb.disjunction() : root.get("projectId").in(scope.projectIds()));
            }
            if (projectId != null) {
                where.add(cb.equal(root.get("projectId"), projectId));
            }
            if (category != null && !category.isBlank()) {
                where.add(cb.equal(root.get("categoryCode"), category));
            }
            if (siteId != null) {
                where.add(cb.equal(root.get("siteId"), siteId));
            }
            if (lifecycle != null) {
                where.add(cb.equal(root.get("lifecycle"), lifecycle));
            }
            if (hasGbCode != null) {
                where.add(hasGbCode ? cb.isNotNull(root.get("gbCode")) : cb.isNull(root.get("gbCode")));
            }
            if (q != null && !q.isBlank()) {
                String like = "%" + q.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("assetTag")), like, '\\'),
                        cb.like(cb.lower(root.get("name")), like, '\\'),
                        cb.like(cb.lower(root.get("serialNumber")), like, '\\'),
                        cb.like(cb.lower(root.get("ipAddress")), like, '\\'),
                        cb.like(cb.lower(root.get("vendor")), like, '\\'),
                        cb.like(cb.lower(root.get("model")), like, '\\'),
                        cb.like(root.get("gbCode"), like, '\\')));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
