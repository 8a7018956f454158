package org.xueliang.tracker.ledger;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface QuantityTargetRepository extends JpaRepository<QuantityTarget, Long> {

    List<QuantityTarget> findByProjectIdOrderBySeq(Long projectId);
}
