package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * 数量指标: a planned count of devices and the selector that says which ledger devices count
 * towards it (categories, optionally narrowed to site kinds). Actual = selected devices that are
 * INSTALLED or later.
 */
@Entity
@Table(name = "quantity_target")
public class QuantityTarget {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long projectId;
    private int seq;
    private String label;
    private String unit;
    private int plannedCount;
    private BigDecimal weight;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quantity_target_category", joinColumns = @JoinColumn(name = "target_id"))
    @Column(name = "category_code")
    private Set<String> categories = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "quantity_target_site_kind", joinColumns = @JoinColumn(name = "target_id"))
    @Column(name = "site_kind")
    @Enumerated(EnumType.STRING)
    private Set<SiteKind> siteKinds = new LinkedHashSet<>();

    protected QuantityTarget() {
    }

    public QuantityTarget(Long projectId, int seq, String label, String unit, int plannedCount, BigDecimal weight,
                          Set<String> categories, Set<SiteKind> siteKinds) {
        this.projectId = projectId;
        this.seq = seq;
        this.label = label;
        this.unit = unit;
        this.plannedCount = plannedCount;
        this.weight = weight;
        this.categories.addAll(categories);
        this.siteKinds.addAll(siteKinds);
    }

    /** Whether a device of this category at a site of this kind counts towards the target. */
    public boolean selects(String categoryCode, SiteKind siteKind) {
        return categories.contains(categoryCode) && (siteKinds.isEmpty() || siteKinds.contains(siteKind));
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public int getSeq() { return seq; }
    public String getLabel() { return label; }
    public String getUnit() { return unit; }
    public int getPlannedCount() { return plannedCount; }
    public BigDecimal getWeight() { return weight; }
    public Set<String> getCategories() { return Set.copyOf(categories); }
    public Set<SiteKind> getSiteKinds() { return Set.copyOf(siteKinds); }
}
