package org.xueliang.tracker.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface DeviceRepository extends JpaRepository<Device, Long>, JpaSpecificationExecutor<Device> {

    Optional<Device> findByAssetTag(String assetTag);

    List<Device> findByAssetTagIn(java.util.Collection<String> assetTags);

    List<Device> findByProjectId(Long projectId);

    @org.springframework.data.jpa.repository.Query(value = "SELECT COUNT(*) FROM device WHERE gb_code = :code", nativeQuery = true)
    long countByGbCode(@org.springframework.data.repository.query.Param("code") String code);

    /** Sets the national code of a device (the column; see {@link DeviceService#createWithGbCode}). */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query(value = "UPDATE device SET gb_code = :code WHERE id = :id", nativeQuery = true)
    int assignGbCode(@org.springframework.data.repository.query.Param("id") long id,
                     @org.springframework.data.repository.query.Param("code") String code);
}
