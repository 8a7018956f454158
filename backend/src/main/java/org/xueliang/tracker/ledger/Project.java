package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 建设项目: one county's project phase with its contract, audited cost and dates. */import org.xueliang.tracker.shared.TimestampedEntity;

@Entity
@Table(name = "project")
public class Project extends TimestampedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String code;
    private String county;
    private String name;
    private String phase;
    private BigDecimal contractAmount;
    private BigDecimal auditedAmount;
    private BigDecimal budgetAmount;
    private BigDecimal spentAmount;
    @Column(name = "cost_ceiling_pct")
    private BigDecimal costCeilingPct = BigDecimal.TEN;
    private LocalDate plannedStart;
    private LocalDate plannedEnd;
    private LocalDate actualStart;
    private LocalDate actualEnd;
    /** 行政区划代码 (6 digits, 稷山县 140824): every device's national code (gbCode) starts with it. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR)
    @Column(length = 6)
    private String regionCode;
    @Version
    private long version;


    public Long getId() { return id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getCounty() { return county; }
    public void setCounty(String county) { this.county = county; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhase() { return phase; }
    public void setPhase(String phase) { this.phase = phase; }
    public BigDecimal getContractAmount() { return contractAmount; }
    public void setContractAmount(BigDecimal v) { this.contractAmount = v; }
    public BigDecimal getAuditedAmount() { return auditedAmount; }
    public void setAuditedAmount(BigDecimal v) { this.auditedAmount = v; }
    public BigDecimal getBudgetAmount() { return budgetAmount; }
    public void setBudgetAmount(BigDecimal v) { this.budgetAmount = v; }
    public BigDecimal getSpentAmount() { return spentAmount; }
    public void setSpentAmount(BigDecimal v) { this.spentAmount = v; }
    public BigDecimal getCostCeilingPct() { return costCeilingPct; }
    public void setCostCeilingPct(BigDecimal v) { this.costCeilingPct = v; }
    public LocalDate getPlannedStart() { return plannedStart; }
    public void setPlannedStart(LocalDate d) { this.plannedStart = d; }
    public LocalDate getPlannedEnd() { return plannedEnd; }
    public void setPlannedEnd(LocalDate d) { this.plannedEnd = d; }
    public LocalDate getActualStart() { return actualStart; }
    public void setActualStart(LocalDate d) { this.actualStart = d; }
    public LocalDate getActualEnd() { return actualEnd; }
    public void setActualEnd(LocalDate d) { this.actualEnd = d; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
}
