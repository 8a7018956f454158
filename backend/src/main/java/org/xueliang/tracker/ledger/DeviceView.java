package org.xueliang.tracker.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A device as the API shows it: the stored fields plus the tier and site name readers need, and
 * {@code probe}, the whole probing configuration (host defaults to the IP address; never a secret), and of
 * the GB/T 28181 password only whether one is set ({@code gbPasswordSet}); {@code uplinkDeviceId}: the switch it hangs
 * off, null when none is recorded.
 */
public record DeviceView(
        Long id, Long projectId, String assetTag, String name, String category, Tier tier,
        Long constructionItemId, Long siteId, String siteName, String vendor, String model, String serialNumber,
        String macAddress, String ipAddress, String firmware, Lifecycle lifecycle,
        LocalDate plannedOn, LocalDate deliveredOn, LocalDate installedOn, LocalDate acceptedOn,
        LocalDate inServiceOn, LocalDate faultyOn, LocalDate retiredOn, LocalDate warrantyEnd,
        BigDecimal unitPrice, String notes, ProbeMethod probeMethod, Integer probePort,
        ProbeView probe, String gbCode, boolean gbPasswordSet, Long uplinkDeviceId, Instant createdAt, Instant updatedAt,
        long version) {

    static DeviceView of(Device d, LedgerReference ref, java.util.Map<String, Tier> tiers) {
        Site site = d.getSiteId() == null ? null : ref.sites().get(d.getSiteId());
        return new DeviceView(d.getId(), d.getProjectId(), d.getAssetTag(), d.getName(), d.getCategoryCode(),
                tiers.get(d.getCategoryCode()), d.getConstructionItemId(), d.getSiteId(),
                site == null ? null : site.getName(), d.getVendor(), d.getModel(), d.getSerialNumber(),
                d.getMacAddress(), d.getIpAddress(), d.getFirmware(), d.getLifecycle(), d.getPlannedOn(),
                d.getDeliveredOn(), d.getInstalledOn(), d.getAcceptedOn(), d.getInServiceOn(), d.getFaultyOn(),
                d.getRetiredOn(), d.getWarrantyEnd(), d.getUnitPrice(), d.getNotes(), d.getProbeMethod(),
                d.getProbePort(), probe(d), d.getGbCode(), d.hasGbPassword(), d.getUplinkDeviceId(), d.getCreatedAt(), d.getUpdatedAt(), d.getVersion());
    }

    private static ProbeView probe(Device d) {
        Credential c = d.getCredential();
        ProbeView.CredentialView credential = c == null ? null : new ProbeView.CredentialView(c.getKind(), c.getUsername(),
                c.getAuthProtocol(), c.getPrivProtocol(), c.hasSecret());
        return ProbeView.of(d.getProbeMethod(), d.getProbeHost() != null ? d.getProbeHost() : d.getIpAddress(),
                d.getProbePort(), d.getProbeIntervalSeconds(), d.getProbeTimeoutMs(), d.getProbeZone(),
                ProbeConfigurator.parseSettings(d.getProbeSettings()), credential);
    }
}
