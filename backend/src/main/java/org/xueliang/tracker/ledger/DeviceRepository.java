package org.xueliang.tracker.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DeviceRepository extends JpaRepository<Device, Long>, JpaSpecificationExecutor<Device> {

    Optional<Device> findByAssetTag(String assetTag);

    List<Device> findByAssetTagIn(java.util.Collection<String> assetTags);

    List<Device> findByProjectId(Long projectId);

    Optional<Device> findByGbCode(String gbCode);
}
