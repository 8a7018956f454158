package org.xueliang.tracker.ledger;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 建设内容: one of a project's numbered construction contents (1 综治分平台… 10 会议室装修…). */
@Entity
@Table(name = "construction_item")
public class ConstructionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long projectId;
    private int seq;
    private String name;
    private LocalDate plannedCompletion;
    private LocalDate actualCompletion;

    protected ConstructionItem() {
    }

    public ConstructionItem(Long projectId, int seq, String name, LocalDate plannedCompletion, LocalDate actualCompletion) {
        this.projectId = projectId;
        this.seq = seq;
        this.name = name;
        this.plannedCompletion = plannedCompletion;
        this.actualCompletion = actualCompletion;
    }

    public Long getId() { return id; }
    public Long getProjectId() { return projectId; }
    public int getSeq() { return seq; }
    public String getName() { return name; }
    public LocalDate getPlannedCompletion() { return plannedCompletion; }
    public LocalDate getActualCompletion() { return actualCompletion; }
}
