package org.xueliang.tracker.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.xueliang.tracker.ledger.Lifecycle;
import org.xueliang.tracker.ledger.ProbeMethod;
import org.xueliang.tracker.ledger.SiteKind;
import org.xueliang.tracker.ledger.Tier;

/** The shape of {@code seed/jishan-phase1.json}: a project with everything it references. */
record ReferenceDataset(ProjectData project, List<ItemData> constructionItems, List<CategoryData> categories,
                        List<SiteData> sites, List<TargetData> quantityTargets, List<DeviceData> devices) {

    record ProjectData(String code, String county, String name, String phase, BigDecimal contractAmount,
                       BigDecimal auditedAmount, BigDecimal budgetAmount, BigDecimal spentAmount, BigDecimal costCeilingPct,
                       LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd,
                       String regionCode) {
    }

    record ItemData(int seq, String name, LocalDate plannedCompletion, LocalDate actualCompletion) {
    }

    record CategoryData(String code, String nameZh, String nameEn, Tier tier, ProbeMethod defaultProbeMethod, int sortOrder,
                        Boolean camera) {
    }

    record SiteData(String code, String name, SiteKind kind, String township, String address, BigDecimal latitude,
                    BigDecimal longitude) {
    }

    record TargetData(int seq, String label, String unit, int plannedCount, BigDecimal weight, List<String> categories,
                      List<SiteKind> siteKinds) {
    }

    record DeviceData(String assetTag, String name, String category, Integer constructionItemSeq, String siteCode,
                      String vendor, String model, String serialNumber, String macAddress, String ipAddress,
                      String firmware, Lifecycle lifecycle, LocalDate plannedOn, LocalDate deliveredOn,
                      LocalDate installedOn, LocalDate acceptedOn, LocalDate inServiceOn, LocalDate faultyOn,
                      LocalDate retiredOn, LocalDate warrantyEnd, BigDecimal unitPrice, ProbeMethod probeMethod,
                      Integer probePort, String notes, String gbCode) {
    }
}
