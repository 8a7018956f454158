package org.xueliang.tracker.agent.probe;

/** Names of the facts probers report, shared by agents, backend and UI. */
public final class Facts {

    public static final String SYS_DESCR = "sysDescr";
    public static final String SYS_OBJECT_ID = "sysObjectID";
    public static final String SYS_NAME = "sysName";
    public static final String SYS_UPTIME_TICKS = "sysUpTimeTicks";
    public static final String MANUFACTURER = "manufacturer";
    public static final String MODEL = "model";
    public static final String FIRMWARE = "firmware";
    public static final String SERIAL = "serial";
    public static final String HARDWARE_ID = "hardwareId";
    /** SNMP inventory (docs/PROBING.md "Inventory"): ENTITY-MIB entPhysicalHardwareRev of the chassis. */
    public static final String HARDWARE_REV = "hardwareRev";
    /** SNMP inventory: the vendor of the sysObjectID's enterprise number. */
    public static final String VENDOR = "vendor";
    /** SNMP inventory: interfaces in IF-MIB's ifTable, and how many are up, down (admin up) and admin-down. */
    public static final String IF_TOTAL = "if.total";
    public static final String IF_UP = "if.up";
    public static final String IF_DOWN = "if.down";
    public static final String IF_ADMIN_DOWN = "if.adminDown";
    /** SNMP inventory: the configured uplinks by name and state, e.g. {@code GigabitEthernet1/0/1 (ifIndex 1) up}. */
    public static final String IF_UPLINKS = "if.uplinks";
    /** SNMP inventory, servers: hrMemorySize in KiB. */
    public static final String HR_MEMORY_KB = "hr.memoryKB";
    /** SNMP with host resources: the number of processors (rows of hrProcessorLoad). */
    public static final String HR_PROCESSORS = "hr.processors";
    /** When the SNMP inventory facts were read (ISO-8601 instant). */
    public static final String INVENTORY_AT = "inventory.at";
    public static final String CLOCK_OFFSET_MS = "clockOffsetMs";
    public static final String SNAPSHOT_BYTES = "snapshotBytes";
    public static final String CPU_LOAD_PCT = "cpuLoadPct";
    public static final String IF_OPER_STATUS_PREFIX = "ifOperStatus.";
    public static final String UPS_BATTERY_STATUS = "upsBatteryStatus";
    public static final String UPS_OUTPUT_SOURCE = "upsOutputSource";
    /** "true" when sysUpTime dropped since the previous probe of the device: it restarted. */
    public static final String REBOOTED = "rebooted";
    /** hrStorageUsed / hrStorageSize in percent, per hrStorageDescr (e.g. {@code storageUsedPct./}). */
    public static final String STORAGE_USED_PCT_PREFIX = "storageUsedPct.";

    /** GB/T 28181: the last keepalive the platform received (ISO-8601 instant). */
    public static final String GB_LAST_KEEPALIVE_AT = "gb.lastKeepaliveAt";
    /** GB/T 28181: device clock minus server clock, from DeviceStatus's DeviceTime, in milliseconds. */
    public static final String GB_CLOCK_OFFSET_MS = "gb.clockOffsetMs";
    /** GB/T 28181: when the DeviceStatus answer that measured {@link #GB_CLOCK_OFFSET_MS} arrived (ISO-8601 instant). */
    public static final String GB_STATUS_AT = "gb.statusAt";
    /** GB/T 28181: registered transport (UDP or TCP) and address. */
    public static final String GB_TRANSPORT = "gb.transport";
    public static final String GB_ADDRESS = "gb.address";

    private Facts() {
    }
}
