package org.xueliang.tracker.ledger;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeviceCategoryRepository extends JpaRepository<DeviceCategory, String> {
}
