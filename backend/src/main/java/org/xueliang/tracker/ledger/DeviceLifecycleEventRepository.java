package org.xueliang.tracker.ledger;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DeviceLifecycleEventRepository extends JpaRepository<DeviceLifecycleEvent, Long> {

    List<DeviceLifecycleEvent> findByDeviceIdOrderByStepDateAscIdAsc(Long deviceId);
}
