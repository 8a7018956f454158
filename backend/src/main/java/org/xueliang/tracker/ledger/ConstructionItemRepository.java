package org.xueliang.tracker.ledger;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConstructionItemRepository extends JpaRepository<ConstructionItem, Long> {

    List<ConstructionItem> findByProjectIdOrderBySeq(Long projectId);
}
