package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Every field of a device a user (or an import row) may write. The API's request body, one import
 * row and the starting point of a PATCH all have this shape; {@link DeviceFieldsValidator} checks it.
 * The GB/T 28181 password is not among them: it is a secret, written apart ({@code gbPassword}) and never exported.
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
        String probeZone,
        /** The 20-digit national code (国标编码, GB/T 28181) the device registers with; null when it has none. */
        String gbCode) {
}
