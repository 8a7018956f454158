package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Every field of a device a user (or an import row) may write. The API's request body, one import
 * row and the starting point of a PATCH all have this shape; {@link DeviceFieldsValidator} checks it.
 */
public record DeviceFields(
        Long projectId,
        String assetTag,
        String name,
        String category,
        Long constructionItemId,
        Long siteId,
        String vendor,
        String model,
        String serialNumber,
        String macAddress,
        String ipAddress,
        String firmware,
        Lifecycle lifecycle,
        LocalDate plannedOn,
        LocalDate deliveredOn,
        LocalDate installedOn,
        LocalDate acceptedOn,
        LocalDate inServiceOn,
        LocalDate faultyOn,
        LocalDate retiredOn,
        LocalDate warrantyEnd,
        BigDecimal unitPrice,
        String notes,
        ProbeMethod probeMethod,
        Integer probePort,
        String probeHost,
        Integer probeIntervalSeconds,
        Integer probeTimeoutMs,
        String probeZone) {
}
