package org.xueliang.tracker.agent.snmp;

import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.xueliang.tracker.agent.probe.Facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a device is, from its MIBs (docs/PROBING.md "Inventory"): the chassis of ENTITY-MIB (serial, model, software
 * and hardware revision, manufacturer), a summary of IF-MIB's interfaces (up, down, admin-down, the configured
 * uplinks by name), HOST-RESOURCES' memory and processors for servers, and the vendor of the sysObjectID. Pure:
 * {@link SnmpProber} walks the tables (bounded GETBULK) and hands the rows here, so the recordings test every rule.
 * The serial, model and firmware facts are the keys ONVIF's DeviceInformation uses: the ledger reconciliation lists
 * their mismatches for either source.
 */
public final class SnmpInventory {

    /** Setting: how often a device's inventory is taken again (ISO-8601; PT0S = never; default PT6H). */
    public static final String INTERVAL = "snmp.inventoryInterval";
    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(6);
    /** At most this many rows of a table are read (a column walk stops there): bounds a chassis of 5,000 entities. */
    public static final int MAX_ROWS = 512;

    static final OID ENT_PHYSICAL_ENTRY = new OID("1.3.6.1.2.1.47.1.1.1.1");
    static final int ENT_CLASS = 5;
    static final int ENT_HARDWARE_REV = 8;
    static final int ENT_SOFTWARE_REV = 10;
    static final int ENT_SERIAL = 11;
    static final int ENT_MFG_NAME = 12;
    static final int ENT_MODEL_NAME = 13;
    static final int CHASSIS = 3;

    static final OID IF_ENTRY = new OID("1.3.6.1.2.1.2.2.1");
    static final int IF_DESCR = 2;
    static final int IF_ADMIN_STATUS = 7;
    static final int IF_OPER_STATUS = 8;
    static final OID IF_NAME = new OID("1.3.6.1.2.1.31.1.1.1.1");

    static final OID HR_MEMORY_SIZE = new OID("1.3.6.1.2.1.25.2.2.0");

    /**
     * Every fact an inventory may report. Those a device does not have are reported empty, so that the facts stored
     * of the box the device's probe pointed at before are not taken for this one's (the reconciliation skips blanks).
     */
    public static final List<String> KEYS = List.of(Facts.SERIAL, Facts.MODEL, Facts.FIRMWARE, Facts.HARDWARE_REV,
            Facts.MANUFACTURER, Facts.VENDOR, Facts.IF_TOTAL, Facts.IF_UP, Facts.IF_DOWN, Facts.IF_ADMIN_DOWN,
            Facts.IF_UPLINKS, Facts.HR_MEMORY_KB);

    /** Values devices put in an ENTITY-MIB column that has nothing to say. */
    private static final Set<String> PLACEHOLDERS = Set.of("", "-", "na", "n/a", "none", "null", "unknown", "not available");

    private SnmpInventory() {
    }

    /** The ENTITY-MIB columns walked: class, hardware rev, software rev, serial, manufacturer, model. */
    static List<OID> entityColumns() {
        return columns(ENT_PHYSICAL_ENTRY, ENT_CLASS, ENT_HARDWARE_REV, ENT_SOFTWARE_REV, ENT_SERIAL, ENT_MFG_NAME, ENT_MODEL_NAME);
    }

    /** The IF-MIB columns walked: ifAdminStatus, ifOperStatus. */
    static List<OID> interfaceColumns() {
        return columns(IF_ENTRY, IF_ADMIN_STATUS, IF_OPER_STATUS);
    }

    /** What a GET adds: each uplink's ifDescr and ifName, and hrMemorySize for a server. */
    static List<OID> extraGets(List<Integer> uplinks, boolean hostResources) {
        List<OID> out = new ArrayList<>();
        for (int i : uplinks) {
            out.add(new OID(IF_ENTRY).append(IF_DESCR).append(i));
            out.add(new OID(IF_NAME).append(i));
        }
        if (hostResources) {
            out.add(HR_MEMORY_SIZE);
        }
        return out;
    }

    private static List<OID> columns(OID entry, int... columns) {
        List<OID> out = new ArrayList<>();
        for (int c : columns) {
            out.add(new OID(entry).append(c));
        }
        return out;
    }

    /** A table's rows: index → column → value, for OIDs {@code entry.column.index} with a one-part index. */
    static SortedMap<Integer, Map<Integer, Variable>> rows(OID entry, List<VariableBinding> bindings) {
        SortedMap<Integer, Map<Integer, Variable>> rows = new TreeMap<>();
        int column = entry.size();
        for (VariableBinding vb : bindings) {
            OID oid = vb.getOid();
            if (oid.size() == column + 2 && oid.startsWith(entry) && oid.get(column + 1) >= 0) {
                rows.computeIfAbsent(oid.get(column + 1), k -> new HashMap<>()).put(oid.get(column), vb.getVariable());
            }
        }
        return rows;
    }

    /**
     * The chassis facts: the first entity of class chassis(3), else (an agent that does not fill entPhysicalClass,
     * like FortiOS) the first entity with a serial number. Placeholder texts ("NA", "none") count as absent.
     */
    static Map<String, String> chassisFacts(SortedMap<Integer, Map<Integer, Variable>> entities) {
        Map<Integer, Variable> chassis = entities.values().stream()
                .filter(row -> SnmpValues.number(row.get(ENT_CLASS)).orElse(-1) == CHASSIS).findFirst()
                .or(() -> entities.values().stream().filter(row -> meaningful(row.get(ENT_SERIAL)) != null).findFirst())
                .orElse(Map.of());
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, Facts.SERIAL, chassis.get(ENT_SERIAL));
        put(facts, Facts.MODEL, chassis.get(ENT_MODEL_NAME));
        put(facts, Facts.FIRMWARE, chassis.get(ENT_SOFTWARE_REV));
        put(facts, Facts.HARDWARE_REV, chassis.get(ENT_HARDWARE_REV));
        put(facts, Facts.MANUFACTURER, chassis.get(ENT_MFG_NAME));
        return facts;
    }

    /**
     * Interface counts: admin-down = ifAdminStatus down(2); of the others, up = ifOperStatus up(1), down = any other
     * operational state. An interface that reports only one of the two columns counts by the one it reports. The
     * configured uplinks are listed as "name (ifIndex N) state", name from ifName, else ifDescr.
     */
    static Map<String, String> interfaceFacts(SortedMap<Integer, Map<Integer, Variable>> interfaces, List<Integer> uplinks,
                                              Map<OID, Variable> names) {
        int up = 0;
        int down = 0;
        int adminDown = 0;
        for (Map<Integer, Variable> row : interfaces.values()) {
            switch (state(row)) {
                case "up" -> up++;
                case "adminDown" -> adminDown++;
                default -> down++;
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        if (interfaces.isEmpty()) {
            return facts;
        }
        facts.put(Facts.IF_TOTAL, Integer.toString(interfaces.size()));
        facts.put(Facts.IF_UP, Integer.toString(up));
        facts.put(Facts.IF_DOWN, Integer.toString(down));
        facts.put(Facts.IF_ADMIN_DOWN, Integer.toString(adminDown));
        List<String> listed = new ArrayList<>();
        for (int i : uplinks) {
            Map<Integer, Variable> row = interfaces.get(i);
            String name = meaningful(names.get(new OID(IF_NAME).append(i)));
            if (name == null) {
                name = meaningful(names.get(new OID(IF_ENTRY).append(IF_DESCR).append(i)));
            }
            listed.add((name == null ? "" : name + " ") + "(ifIndex " + i + ") " + (row == null ? "missing" : state(row)));
        }
        if (!listed.isEmpty()) {
            facts.put(Facts.IF_UPLINKS, String.join(", ", listed));
        }
        return facts;
    }

    private static String state(Map<Integer, Variable> row) {
        OptionalLong admin = SnmpValues.number(row.get(IF_ADMIN_STATUS));
        OptionalLong oper = SnmpValues.number(row.get(IF_OPER_STATUS));
        if (admin.isPresent() && admin.getAsLong() == 2) {
            return "adminDown";
        }
        return oper.isPresent() && oper.getAsLong() == 1 ? "up" : "down";
    }

    /** hrMemorySize in KiB, for a server (the processor count comes with every probe's hrProcessorLoad walk). */
    static Map<String, String> hostFacts(Map<OID, Variable> got) {
        Map<String, String> facts = new LinkedHashMap<>();
        SnmpValues.number(got.get(HR_MEMORY_SIZE)).ifPresent(kb -> facts.put(Facts.HR_MEMORY_KB, Long.toString(kb)));
        return facts;
    }

    /** The vendor fact from the sysObjectID fact, if its enterprise number is known. */
    static Map<String, String> vendorFacts(String sysObjectId) {
        Map<String, String> facts = new HashMap<>();
        EnterpriseVendors.of(sysObjectId).ifPresent(v -> facts.put(Facts.VENDOR, v));
        return facts;
    }

    private static void put(Map<String, String> facts, String key, Variable v) {
        String s = meaningful(v);
        if (s != null) {
            facts.put(key, s);
        }
    }

    private static String meaningful(Variable v) {
        String s = SnmpValues.text(v);
        return s == null || PLACEHOLDERS.contains(s.strip().toLowerCase(java.util.Locale.ROOT)) ? null : s.strip();
    }
}
