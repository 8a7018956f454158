package org.xueliang.tracker.agent.snmp;

import java.util.Map;
import java.util.Optional;

/**
 * The vendor named by a sysObjectID's enterprise number (1.3.6.1.4.1.<number>…, IANA Private Enterprise Numbers).
 * A small table of the vendors found in 雪亮 projects and in the recordings; docs/PROBING.md "Inventory" lists it and
 * where each number was checked. An unknown number gives no vendor rather than a guess.
 */
public final class EnterpriseVendors {

    private static final String ENTERPRISES = "1.3.6.1.4.1.";

    private static final Map<Long, String> VENDORS = Map.ofEntries(
            Map.entry(9L, "Cisco"),
            Map.entry(311L, "Microsoft"),
            Map.entry(318L, "APC"),
            Map.entry(368L, "Axis"),
            Map.entry(2011L, "Huawei"),
            Map.entry(4881L, "Ruijie"),
            Map.entry(8072L, "net-snmp"),
            Map.entry(12356L, "Fortinet"),
            Map.entry(14331L, "Topsec"),
            Map.entry(25506L, "H3C"),
            Map.entry(28557L, "Hillstone"),
            Map.entry(35047L, "Sangfor"),
            Map.entry(39165L, "Hikvision"),
            Map.entry(1004849L, "Dahua"));

    private EnterpriseVendors() {
    }

    /** The enterprise number of a sysObjectID ("1.3.6.1.4.1.2011.2.23.95" → 2011; a leading dot is allowed). */
    public static Optional<Long> enterpriseNumber(String sysObjectId) {
        if (sysObjectId == null) {
            return Optional.empty();
        }
        String oid = sysObjectId.strip();
        if (oid.startsWith(".")) {
            oid = oid.substring(1);
        }
        if (!oid.startsWith(ENTERPRISES)) {
            return Optional.empty();
        }
        String rest = oid.substring(ENTERPRISES.length());
        int dot = rest.indexOf('.');
        try {
            return Optional.of(Long.parseLong(dot < 0 ? rest : rest.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The vendor of a sysObjectID, if its enterprise number is in the table. */
    public static Optional<String> of(String sysObjectId) {
        return enterpriseNumber(sysObjectId).map(VENDORS::get);
    }
}
