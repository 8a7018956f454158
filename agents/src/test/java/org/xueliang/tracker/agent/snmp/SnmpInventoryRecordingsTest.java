package org.xueliang.tracker.agent.snmp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.xueliang.tracker.agent.TestData;
import org.xueliang.tracker.agent.probe.Facts;
import org.xueliang.tracker.agent.probe.Method;
import org.xueliang.tracker.agent.probe.ProbeResult;
import org.xueliang.tracker.agent.probe.ProbeTarget;
import org.xueliang.tracker.agent.probe.Secrets;
import org.xueliang.tracker.agent.sim.snmp.SimulatedSnmpAgent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SNMP inventory against every recording in shared/testdata/snmp, each served by the project's simulator on its own
 * loopback address (never the addresses inside the recordings). Expected values were read off the recordings by hand
 * (ENTITY-MIB rows, ifAdminStatus/ifOperStatus columns) and are written out here, so a change in the rules shows.
 */
class SnmpInventoryRecordingsTest {

    /** Interfaces total, up, down, admin-down per recording (ifTable's columns 7 and 8, counted outside the code). */
    private static final Map<String, int[]> INTERFACES = Map.ofEntries(
            Map.entry("apc_smt750x-nmc2", new int[]{2, 2, 0, 0}),
            Map.entry("axiscam_p1435-le", new int[]{2, 2, 0, 0}),
            Map.entry("comware_a5500", new int[]{30, 26, 0, 4}),
            Map.entry("dahua-nvr", new int[]{2, 2, 0, 0}),
            Map.entry("fortigate_60f", new int[]{17, 6, 10, 1}),
            Map.entry("ios", new int[]{61, 42, 4, 15}),
            Map.entry("linux_powermon", new int[]{5, 2, 3, 0}),
            Map.entry("polycomLens_studioxc50", new int[]{7, 3, 2, 2}),
            Map.entry("ruijie", new int[]{57, 37, 20, 0}),
            Map.entry("stoneos", new int[]{18, 8, 10, 0}),
            Map.entry("vrp_s5328c-ei", new int[]{31, 25, 2, 4}),
            Map.entry("windows_svr_2019_1809", new int[]{24, 14, 6, 4}));

    /** The vendor of each recording's sysObjectID; absent = no sysObjectID or an enterprise number not in the table. */
    private static final Map<String, String> VENDORS = Map.ofEntries(
            Map.entry("apc_smt750x-nmc2", "APC"),
            Map.entry("axiscam_p1435-le", "Axis"),
            Map.entry("comware_a5500", "H3C"),
            Map.entry("dahua-nvr", "Dahua"),
            Map.entry("fortigate_60f", "Fortinet"),
            Map.entry("huaweiups_ups2000", "Huawei"),
            Map.entry("ios", "Cisco"),
            Map.entry("linux_powermon", "net-snmp"),
            Map.entry("ruijie", "Ruijie"),
            Map.entry("stoneos", "Hillstone"),
            Map.entry("vrp_s5328c-ei", "Huawei"),
            Map.entry("windows_svr_2019_1809", "Microsoft"));

    /** The chassis facts of the recordings that carry ENTITY-MIB. */
    private static final Map<String, Map<String, String>> CHASSIS = Map.of(
            // the chassis(3) row, index 2; the board at index 198 has another serial
            "comware_a5500", Map.of(Facts.SERIAL, "CN50A1Z4BN", Facts.MODEL, "JD377A",
                    Facts.FIRMWARE, "5.20.99 Release 2222P08", Facts.HARDWARE_REV, "REV.C", Facts.MANUFACTURER, "HP"),
            // FortiOS fills no entPhysicalClass: the first row with a serial
            "fortigate_60f", Map.of(Facts.SERIAL, "FGT60FTK00000000", Facts.MODEL, "FGT_60F"),
            // the chassis row has an empty serial and model: only what it has
            "vrp_s5328c-ei", Map.of(Facts.FIRMWARE, "Version 5.110 V200R001C00SPC300", Facts.MANUFACTURER, "Huawei"),
            "ruijie", Map.of(Facts.MODEL, "RG-S6220-48XS4QXS", Facts.FIRMWARE, "173619", Facts.HARDWARE_REV, "1.11",
                    Facts.MANUFACTURER, "Ruijie General Operating System Software"));

    private static final List<String> CHASSIS_KEYS = List.of(Facts.SERIAL, Facts.MODEL, Facts.FIRMWARE, Facts.HARDWARE_REV,
            Facts.MANUFACTURER);
    private static final AtomicLong IDS = new AtomicLong(1);
    private static SimulatedSnmp snmp;
    private static SnmpProber prober;

    @BeforeAll
    static void start() {
        snmp = new SimulatedSnmp("127.25.0.1");
        prober = snmp.prober;
    }

    @AfterAll
    static void stop() {
        snmp.close();
    }

    @TestFactory
    Stream<DynamicTest> every_recording_gives_its_inventory() throws IOException {
        Path dir = TestData.dir("snmp");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".snmprec")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replace(".snmprec", "");
            boolean server = name.startsWith("linux") || name.startsWith("windows");
            ProbeResult r = probe(name, server ? Map.of("snmp.hostResources", "true") : Map.of());
            Map<String, String> f = r.facts();
            assertThat(f).as("inventory taken").containsKey(Facts.INVENTORY_AT);
            assertThat(f.get(Facts.VENDOR)).as("vendor").isEqualTo(VENDORS.getOrDefault(name, ""));
            Map<String, String> chassis = new HashMap<>();
            assertThat(f).as("every inventory key, empty when the device has nothing to say").containsKeys(
                    SnmpInventory.KEYS.toArray(String[]::new));
            CHASSIS_KEYS.forEach(k -> {
                if (!f.get(k).isEmpty()) {
                    chassis.put(k, f.get(k));
                }
            });
            assertThat(chassis).as("chassis facts").isEqualTo(CHASSIS.getOrDefault(name, Map.of()));
            int[] counts = INTERFACES.get(name);
            if (counts == null) {
                assertThat(f.get(Facts.IF_TOTAL)).as("no ifTable in the recording").isEmpty();
            } else {
                assertThat(List.of(f.get(Facts.IF_TOTAL), f.get(Facts.IF_UP), f.get(Facts.IF_DOWN), f.get(Facts.IF_ADMIN_DOWN)))
                        .as("interfaces total, up, down, admin-down")
                        .containsExactly(Integer.toString(counts[0]), Integer.toString(counts[1]),
                                Integer.toString(counts[2]), Integer.toString(counts[3]));
            }
            if (server) {
                assertThat(f).containsKey(Facts.HR_MEMORY_KB).containsKey(Facts.HR_PROCESSORS);
            }
        }));
    }

    @Test
    void names_the_configured_uplinks_and_their_state() throws IOException {
        ProbeResult r = probe("comware_a5500", Map.of("snmp.uplinks", "1,24"));
        assertThat(r.facts().get(Facts.IF_UPLINKS))
                .isEqualTo("GigabitEthernet1/0/1 (ifIndex 1) up, GigabitEthernet1/0/24 (ifIndex 24) adminDown");
    }

    @Test
    void servers_report_memory_and_processors_as_recorded() throws IOException {
        ProbeResult r = probe("linux_powermon", Map.of("snmp.hostResources", "true"));
        assertThat(r.facts()).containsEntry(Facts.HR_MEMORY_KB, "49225180").containsEntry(Facts.HR_PROCESSORS, "24");
    }

    @Test
    void the_inventory_comes_with_the_first_probe_and_not_again_within_its_interval() throws IOException {
        SimulatedSnmpAgent a = agent("comware_a5500");
        ProbeTarget t = target(a, Map.of());
        assertThat(prober.probe(t).join().facts()).containsEntry(Facts.SERIAL, "CN50A1Z4BN");
        assertThat(prober.probe(t).join().facts()).as("second probe: system group only")
                .containsKey(Facts.SYS_UPTIME_TICKS).doesNotContainKeys(Facts.SERIAL, Facts.INVENTORY_AT, Facts.IF_TOTAL);
        ProbeTarget every = target(a, Map.of(SnmpInventory.INTERVAL, "PT0.001S"));
        assertThat(prober.probe(every).join().facts()).containsKey(Facts.INVENTORY_AT);
        ProbeTarget off = target(a, Map.of(SnmpInventory.INTERVAL, "PT0S"));
        assertThat(prober.probe(off).join().facts()).as("PT0S: never").doesNotContainKey(Facts.INVENTORY_AT);
    }

    @Test
    void a_probe_pointed_at_another_box_takes_its_inventory_again_and_empties_what_the_new_one_lacks() throws IOException {
        SimulatedSnmpAgent fortigate = agent("fortigate_60f");
        SimulatedSnmpAgent linux = agent("linux_powermon");
        ProbeTarget before = target(fortigate, Map.of());
        assertThat(prober.probe(before).join().facts()).containsEntry(Facts.SERIAL, "FGT60FTK00000000");
        ProbeTarget after = new ProbeTarget(before.deviceId(), Method.SNMP, linux.host(), linux.port(), before.timeout(),
                Map.of(), Secrets.community("public"));
        assertThat(prober.probe(after).join().facts()).as("the same device id, now a Linux server without ENTITY-MIB")
                .containsEntry(Facts.VENDOR, "net-snmp").containsEntry(Facts.SERIAL, "").containsEntry(Facts.MODEL, "");
    }

    private static ProbeResult probe(String recording, Map<String, String> settings) throws IOException {
        return prober.probe(target(agent(recording), settings)).join();
    }

    private static SimulatedSnmpAgent agent(String recording) throws IOException {
        return snmp.agent(recording);
    }

    private static ProbeTarget target(SimulatedSnmpAgent a, Map<String, String> settings) {
        return new ProbeTarget(IDS.getAndIncrement(), Method.SNMP, a.host(), a.port(), Duration.ofMillis(3000), settings,
                Secrets.community("public"));
    }
}
