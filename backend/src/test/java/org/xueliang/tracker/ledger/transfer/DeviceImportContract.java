package org.xueliang.tracker.ledger.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.EXPORT;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.admin;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.basic;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.csv;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.upload;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import over HTTP against the seeded ledger: all-or-nothing with every bad row reported, the
 * counts, dry runs, updates with their audit trail, XLSX cells, header and file problems, access.
 * Tests here add devices, so each uses its own asset tags and compares counts before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"xl.admin-password=" + TransferTestSupport.ADMIN_PASSWORD,
        "xl.test.context=import"})
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class DeviceImportContract {

    private static final String HEADER = "projectId,assetTag,name,category,siteId,ipAddress,macAddress,lifecycle,deliveredOn,installedOn,unitPrice";

    @Autowired
    MockMvc mvc;
    @Autowired
    DeviceRepository devices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;
    @LocalServerPort
    int port;

    private static String good(int i) {
        // Some planned, some delivered: both paths through the lifecycle rules.
        return i % 2 == 0
                ? "1,IMP-%04d,人脸摄像机 %d,FACE_CAMERA,,127.40.%d.%d,,PLANNED,,,1280.00".formatted(i, i, i / 250, i % 250 + 1)
                : "1,IMP-%04d,球机 %d,DOME_CAMERA,,127.41.%d.%d,AA:BB:CC:00:%02X:%02X,DELIVERED,2021-03-01,,2350".formatted(
                        i, i, i / 250, i % 250 + 1, i / 256, i % 256);
    }

    @Test
    @Order(1) // first, so the ledger still holds exactly the 94 reference devices
    void oneThousandRowsWithTenBadOnesAreRejectedWholeThenTheGoodOnesImportFast() throws Exception {
        // Bad rows at these places in the data (0-based), one kind of problem each: row number = place + 2.
        Map<Integer, String[]> bad = new HashMap<>();
        bad.put(5, new String[]{"1,BAD-01,x,FOO_CAMERA,,127.9.0.1,,PLANNED,,,", "category"});
        bad.put(50, new String[]{"1,BAD-02,x,FACE_CAMERA,,127.0.0.300,,PLANNED,,,", "ipAddress"});
        bad.put(150, new String[]{"1,BAD-03,x,FACE_CAMERA,,,00:11:22:33:44,PLANNED,,,", "macAddress"});
        bad.put(300, new String[]{"1,BAD-04,x,FACE_CAMERA,,,,INSTALLED,2021-03-05,2021-03-01,", "installedOn"});
        bad.put(420, new String[]{"1,IMP-0001,duplicate,FACE_CAMERA,,,,PLANNED,,,", "assetTag"});
        bad.put(555, new String[]{"1,BAD-06,x,FACE_CAMERA,,,,DELIVERED,2021-02-30,,", "deliveredOn"});
        bad.put(610, new String[]{"1,,no tag,FACE_CAMERA,,,,PLANNED,,,", "assetTag"});
        bad.put(777, new String[]{"1,BAD-08,x,FACE_CAMERA,99999,,,PLANNED,,,", "siteId"});
        bad.put(888, new String[]{"1,BAD-09,x,FACE_CAMERA,,,,DELIVERED,2999-01-01,,", "deliveredOn"});
        bad.put(999, new String[]{"1,BAD-10,x,FACE_CAMERA,,,,PLANNED,,,-5.00", "unitPrice"});
        List<String> mixed = new ArrayList<>(List.of(HEADER));
        List<String> goodOnly = new ArrayList<>(List.of(HEADER));
        int g = 1;
        for (int place = 0; place < 1000; place++) {
            if (bad.containsKey(place)) {
                mixed.add(bad.get(place)[0]);
            } else {
                mixed.add(good(g));
                goodOnly.add(good(g));
                g++;
            }
        }
        assertThat(goodOnly).hasSize(1 + 990);
        long total = devices.count();
        assertThat(total).isEqualTo(94);

        long rejectStarted = System.nanoTime();
        String body = mvc.perform(upload("mixed.csv", csv(mixed), false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Import rejected"))
                .andExpect(jsonPath("$.detail").value("10 of 1000 rows are invalid; nothing was imported"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        System.out.println("[import timing] 1000 mixed rows rejected in " + (System.nanoTime() - rejectStarted) / 1_000_000 + " ms");
        List<String> reported = new ArrayList<>();
        for (JsonNode e : json.readTree(body).get("errors")) {
            assertThat(e.get("reason").asString()).isNotBlank();
            reported.add(e.get("row").asInt() + ":" + e.get("column").asString());
        }
        List<String> expected = bad.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> (e.getKey() + 2) + ":" + e.getValue()[1]).toList();
        assertThat(reported).containsExactlyElementsOf(expected);
        assertThat(devices.count()).isEqualTo(total);

        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        mvc.perform(upload("good.csv", csv(goodOnly), false, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(990))
                .andExpect(jsonPath("$.created").value(990))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0));
        long millis = (System.nanoTime() - started) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1_000_000;
        System.out.println("[import timing] 990 new devices imported in " + millis + " ms (" + cpuMillis + " ms CPU)");
        assertThat(devices.count()).isEqualTo(1084);
        // CPU time of the request thread (MockMvc and in-memory H2 both run on it), not wall time, which
        // other builds on a shared machine can stretch at will. Per-row reference loads would blow past this.
        assertThat(cpuMillis).as("990 rows import CPU time").isLessThan(4000);
        Device one = devices.findByAssetTag("IMP-0001").orElseThrow();
        assertThat(one.getName()).isEqualTo("球机 1");
        assertThat(one.getMacAddress()).isEqualTo("AA:BB:CC:00:00:01");
        assertThat(one.getUnitPrice()).isEqualByComparingTo("2350.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'CREATE' AND entity_type = 'Device'"
                + " AND summary LIKE 'Created device IMP-%'", Long.class)).isEqualTo(990);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_lifecycle_event e JOIN device d ON d.id = e.device_id"
                + " WHERE d.asset_tag = 'IMP-0001'", Long.class)).as("created as DELIVERED: its step is in the history").isEqualTo(1);

        // The same file again changes nothing.
        started = System.nanoTime();
        mvc.perform(upload("good.csv", csv(goodOnly), false, admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(990)).andExpect(jsonPath("$.created").value(0));
        System.out.println("[import timing] 990 unchanged rows re-imported in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @Test
    void dryRunValidatesAndCountsButWritesNothing() throws Exception {
        long total = devices.count();
        long audits = jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
        byte[] file = csv(List.of("projectId,assetTag,category", "1,DRY-1,FACE_CAMERA", "1,DRY-2,SERVER"));
        mvc.perform(upload("dry.csv", file, true, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.created").value(2));
        assertThat(devices.count()).isEqualTo(total);
        assertThat(devices.findByAssetTag("DRY-1")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class)).isEqualTo(audits);

        mvc.perform(upload("dry.csv", csv(List.of("projectId,assetTag,category", "1,DRY-3,NOPE")), true, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("category"));
    }

    @Test
    void importUpdatesAnExistingDeviceIncludingItsLifecycleAndAuditsIt() throws Exception {
        Device device = devices.findAll().stream().filter(d -> d.getLifecycle().name().equals("DELIVERED")
                && d.getAssetTag().matches("[A-Za-z0-9-]+")).findFirst().orElseThrow();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // Columns left out (vendor, deliveredOn, …) keep their values.
        byte[] file = csv(List.of("assetTag,projectId,category,name,lifecycle,installedOn",
                device.getAssetTag() + ",1," + device.getCategoryCode() + ",改名的设备,INSTALLED," + today));
        mvc.perform(upload("update.csv", file, false, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(1))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(0));

        mvc.perform(get("/api/v1/devices/" + device.getId()).header("Authorization", admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("改名的设备"))
                .andExpect(jsonPath("$.lifecycle").value("INSTALLED"))
                .andExpect(jsonPath("$.installedOn").value(today))
                .andExpect(jsonPath("$.deliveredOn").value(device.getDeliveredOn().toString()))
                .andExpect(jsonPath("$.vendor").value(device.getVendor()));
        mvc.perform(get("/api/v1/devices/" + device.getId() + "/lifecycle").header("Authorization", admin()))
                .andExpect(jsonPath("$[-1].from").value("DELIVERED"))
                .andExpect(jsonPath("$[-1].to").value("INSTALLED"))
                .andExpect(jsonPath("$[-1].recordedBy").value("admin"));

        mvc.perform(get("/api/v1/audit").param("entityType", "Device").param("entityId", device.getId().toString())
                        .header("Authorization", admin()))
                .andExpect(jsonPath("$.items[0].action").value("UPDATE"))
                .andExpect(jsonPath("$.items[0].actor").value("admin"))
                .andExpect(jsonPath("$.items[0].before.name").value(device.getName()))
                .andExpect(jsonPath("$.items[0].after.name").value("改名的设备"));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        mvc.perform(get("/api/v1/audit").param("entityType", "DeviceImport").param("entityId", sha)
                        .header("Authorization", admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].action").value("IMPORT"))
                .andExpect(jsonPath("$.items[0].after.fileName").value("update.csv"))
                .andExpect(jsonPath("$.items[0].after.sha256").value(sha))
                .andExpect(jsonPath("$.items[0].after.rows").value(1))
                .andExpect(jsonPath("$.items[0].after.updated").value(1));
        mvc.perform(get("/api/v1/audit/verify").header("Authorization", admin())).andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void xlsxWithNumericSerialAndDateCellsImportsTheirText() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = TransferTestSupport.sheetWithHeader(wb, "随便",
                "projectId", "assetTag", "category", "serialNumber", "lifecycle", "deliveredOn", "unitPrice", "siteCode");
        CellStyle date = TransferTestSupport.numberFormat(wb, "yyyy\"年\"m\"月\"d\"日\"");
        CellStyle grouped = TransferTestSupport.numberFormat(wb, "#,##0.00");
        Row r = sheet.createRow(1);
        r.createCell(0).setCellValue(1);
        r.createCell(1).setCellValue("XLSX-NUM-1");
        r.createCell(2).setCellValue("DOME_CAMERA");
        r.createCell(3).setCellValue(123456789012d);
        r.createCell(4).setCellValue("delivered");
        r.createCell(5).setCellValue(LocalDate.of(2021, 3, 2));
        r.getCell(5).setCellStyle(date);
        r.createCell(6).setCellValue(12800);
        r.getCell(6).setCellStyle(grouped);
        String siteCode = jdbc.queryForObject("SELECT code FROM site ORDER BY id LIMIT 1", String.class);
        r.createCell(7).setCellValue(siteCode);

        mvc.perform(upload("numeric.xlsx", TransferTestSupport.bytes(wb), false, admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        Device d = devices.findByAssetTag("XLSX-NUM-1").orElseThrow();
        assertThat(d.getSerialNumber()).isEqualTo("123456789012");
        assertThat(d.getDeliveredOn()).isEqualTo(LocalDate.of(2021, 3, 2));
        assertThat(d.getLifecycle().name()).isEqualTo("DELIVERED");
        assertThat(d.getUnitPrice()).isEqualByComparingTo("12800.00");
        assertThat(d.getSiteId()).as("site code fills in an empty siteId")
                .isEqualTo(jdbc.queryForObject("SELECT id FROM site WHERE code = ?", Long.class, siteCode));
    }

    @Test
    void headerProblemsAreReportedOnRowOne() throws Exception {
        byte[] file = csv(List.of("projectId,assetTag,name,Name,colour,,", "1,H-1,a,b,red,,"));
        mvc.perform(upload("header.csv", file, false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Import rejected"))
                .andExpect(jsonPath("$.detail").value("The header row is invalid; nothing was imported"))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.instance").value("/api/v1/devices/import"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("appears twice (columns 3 and 4)"))
                .andExpect(jsonPath("$.errors[1].column").value("colour"))
                .andExpect(jsonPath("$.errors[1].reason").value(org.hamcrest.Matchers.startsWith("unknown column")))
                .andExpect(jsonPath("$.errors[2].column").value("category"))
                .andExpect(jsonPath("$.errors[2].reason").value("required column is missing"));
        mvc.perform(upload("header.csv", csv(List.of("projectId,assetTag,category,", "1,H-2,SERVER,oops")), false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].column").doesNotExist())
                .andExpect(jsonPath("$.errors[0].reason").value("column 4 has values (e.g. in row 2) but no header name"));
    }

    @Test
    void emptyUnreadableAndOversizedFilesAreRejected() throws Exception {
        long total = devices.count();
        mvc.perform(upload("empty.csv", new byte[0], false, admin()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value("The file is empty"));
        mvc.perform(upload("bom-only.csv", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'}, false, admin()))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.detail").value("The file is empty"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        mvc.perform(upload("devices.xlsx", png, false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Import rejected"))
                .andExpect(jsonPath("$.detail").value("The file is neither CSV nor XLSX"));

        List<String> lines = new ArrayList<>(List.of("projectId,assetTag,category"));
        for (int i = 0; i <= 50_000; i++) {
            lines.add("1,MANY-" + i + ",SERVER");
        }
        mvc.perform(upload("many.csv", csv(lines), false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value("The file has more than 50,000 device rows; split it into files of at most 50,000 rows"));
        assertThat(devices.count()).isEqualTo(total);
    }

    @Test
    void xlsxWithAnExternalEntityIsRejectedOverHttp() throws Exception {
        byte[] file = TransferTestSupport.xlsxWithExternalEntity(
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>projectId</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>assetTag</t></is></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><t>category</t></is></c><c r=\"D1\" t=\"inlineStr\"><is><t>notes</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>XXE-1</t></is></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><t>SERVER</t></is></c><c r=\"D2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>");
        String body = mvc.perform(upload("xxe.xlsx", file, false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("The XLSX file is not a valid workbook")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(TransferTestSupport.SECRET);
        assertThat(devices.findByAssetTag("XXE-1")).isEmpty();
    }

    @Test
    void formulaLikeTextSurvivesACsvRoundTripWithoutBecomingAFormula() throws Exception {
        byte[] file = csv(List.of("projectId,assetTag,category,name,notes",
                "1,FORMULA-1,SERVER,-负责人,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""));
        mvc.perform(upload("f.csv", file, false, admin())).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(devices.findByAssetTag("FORMULA-1").orElseThrow().getNotes()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
        byte[] exported = mvc.perform(get(EXPORT).param("q", "FORMULA-1").header("Authorization", admin()))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(exported, StandardCharsets.UTF_8);
        assertThat(text).contains(",'-负责人,").contains("\"'=HYPERLINK(");
        mvc.perform(upload("back.csv", exported, false, admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1)).andExpect(jsonPath("$.updated").value(0));
    }

    private long idOf(String assetTag) {
        return devices.findByAssetTag(assetTag).orElseThrow().getId();
    }

    private Long uplinkOf(String assetTag) {
        return jdbc.queryForObject("SELECT uplink_device_id FROM device WHERE asset_tag = ?", Long.class, assetTag);
    }

    @Test
    void uplinksGoByAssetTagWithinTheFileAndTheLedgerAndBadOnesRejectTheWholeFile() throws Exception {
        // camera 1 names a switch of a later row; the switch itself has none
        byte[] first = csv(List.of("projectId,assetTag,category,uplinkAssetTag", "1,UPL-CAM-1,FACE_CAMERA,UPL-SW",
                "1,UPL-SW,SERVER,", "1,UPL-CAM-2,FACE_CAMERA,UPL-SW"));
        mvc.perform(upload("uplinks.csv", first, false, admin())).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(3));
        long sw = idOf("UPL-SW");
        assertThat(uplinkOf("UPL-CAM-1")).isEqualTo(sw);
        assertThat(uplinkOf("UPL-CAM-2")).isEqualTo(sw);
        assertThat(uplinkOf("UPL-SW")).isNull();
        mvc.perform(get("/api/v1/devices/" + idOf("UPL-CAM-1")).header("Authorization", admin()))
                .andExpect(jsonPath("$.uplinkDeviceId").value(sw));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DEVICE_UPLINK' AND entity_id = ?",
                Integer.class, String.valueOf(idOf("UPL-CAM-1")))).isEqualTo(1);

        jdbc.update("INSERT INTO project (code, county, name, phase, contract_amount, created_at, updated_at)"
                + " VALUES ('UPL-OTHER', '稷山县', '稷山县雪亮工程', '一期', 1000.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        long other = jdbc.queryForObject("SELECT id FROM project WHERE code = 'UPL-OTHER'", Long.class);
        long total = devices.count();
        byte[] bad = csv(List.of("projectId,assetTag,category,uplinkAssetTag",
                "1,UPL-CAM-3,FACE_CAMERA,NO-SUCH-TAG",
                "1,UPL-SW,SERVER,UPL-CAM-1", // the switch under its own camera: a loop through the ledger
                "1,UPL-CAM-4,FACE_CAMERA,UPL-CAM-4",
                other + ",UPL-O-1,SERVER,",
                "1,UPL-CAM-5,FACE_CAMERA,UPL-O-1",
                "1,UPL-CAM-6,FACE_CAMERA,UPL-SW"));
        mvc.perform(upload("bad-uplinks.csv", bad, false, admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("uplinkAssetTag"))
                .andExpect(jsonPath("$.errors[0].reason").value("no device has asset tag 'NO-SUCH-TAG'"))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].reason").value(org.hamcrest.Matchers.containsString("loop")))
                .andExpect(jsonPath("$.errors[2].row").value(4))
                .andExpect(jsonPath("$.errors[2].reason").value("a device cannot be its own uplink"))
                .andExpect(jsonPath("$.errors[3].row").value(6))
                .andExpect(jsonPath("$.errors[3].reason").value("device 'UPL-O-1' belongs to another project"));
        assertThat(devices.count()).as("all or nothing").isEqualTo(total);
        assertThat(uplinkOf("UPL-SW")).isNull();

        // moving the switch under camera 1 is fine once the same file takes camera 1 off the switch; an empty cell removes
        byte[] swap = csv(List.of("projectId,assetTag,category,uplinkAssetTag", "1,UPL-SW,SERVER,UPL-CAM-1",
                "1,UPL-CAM-1,FACE_CAMERA,", "1,UPL-CAM-2,FACE_CAMERA,upl-cam-1"));
        mvc.perform(upload("swap.csv", swap, false, admin())).andExpect(status().isOk());
        assertThat(uplinkOf("UPL-SW")).isEqualTo(idOf("UPL-CAM-1"));
        assertThat(uplinkOf("UPL-CAM-1")).isNull();
        assertThat(uplinkOf("UPL-CAM-2")).as("tags match whatever their case").isEqualTo(idOf("UPL-CAM-1"));

        // the export names uplinks by tag, and a file without the column leaves them as they are
        String export = mvc.perform(get(EXPORT).param("q", "UPL-").header("Authorization", admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines().findFirst().orElseThrow()).endsWith(",siteCode,uplinkAssetTag");
        assertThat(export.lines().filter(l -> l.contains(",UPL-SW,"))).singleElement().asString().endsWith(",UPL-CAM-1");
        mvc.perform(upload("plain.csv", csv(List.of("projectId,assetTag,category,name", "1,UPL-SW,SERVER,核心交换机")), false, admin()))
                .andExpect(status().isOk());
        assertThat(uplinkOf("UPL-SW")).isEqualTo(idOf("UPL-CAM-1"));
    }

    @Test
    void permissionsAndProjectScopeApply() throws Exception {
        String evaluator = "{\"username\":\"eve\",\"displayName\":\"评价\",\"role\":\"EVALUATOR\",\"allProjects\":true,"
                + "\"password\":\"evaluator-pass-1\"}";
        // A manager of another county's project only (a prefecture installation serves several).
        jdbc.update("INSERT INTO project (code, county, name, phase, contract_amount, created_at, updated_at)"
                + " VALUES ('OTHER-1', '新绛县', '新绛县雪亮工程', '一期', 1000000.00, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        long other = jdbc.queryForObject("SELECT id FROM project WHERE code = 'OTHER-1'", Long.class);
        String manager = "{\"username\":\"mgr\",\"displayName\":\"外县管理者\",\"role\":\"MANAGER\",\"allProjects\":false,"
                + "\"projectIds\":[" + other + "],\"password\":\"manager-pass-1\"}";
        for (String user : List.of(evaluator, manager)) {
            mvc.perform(post("/api/v1/users").header("Authorization", admin()).contentType(MediaType.APPLICATION_JSON).content(user))
                    .andExpect(status().isCreated());
        }
        byte[] file = csv(List.of("projectId,assetTag,category", "1,SCOPE-1,SERVER"));
        mvc.perform(upload("s.csv", file, false, basic("eve", "evaluator-pass-1"))).andExpect(status().isForbidden());
        mvc.perform(get(EXPORT).header("Authorization", basic("eve", "evaluator-pass-1"))).andExpect(status().isOk());

        mvc.perform(upload("s.csv", file, false, basic("mgr", "manager-pass-1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("projectId"))
                .andExpect(jsonPath("$.errors[0].reason").value("you have no access to project 1"));
        String seeded = devices.findAll().get(0).getAssetTag();
        mvc.perform(upload("s.csv", csv(List.of("projectId,assetTag,category", "1," + seeded + ",SERVER")), false,
                        basic("mgr", "manager-pass-1")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("assetTag"))
                .andExpect(jsonPath("$.errors[0].reason").value("asset tag '" + seeded + "' belongs to a device outside your projects"));
        String export = mvc.perform(get(EXPORT).header("Authorization", basic("mgr", "manager-pass-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines().count()).as("header only: nothing of project 1").isEqualTo(1);
        assertThat(devices.findByAssetTag("SCOPE-1")).isEmpty();
    }

    @Test
    void uploadsOverTwentyMegabytesAreRefusedByTheRealServer() throws Exception {
        // Only a real servlet container enforces the multipart limit, so this goes over HTTP, not MockMvc.
        String boundary = "xl-boundary-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nprojectId,assetTag,category\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] filler = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(filler, (byte) '\n');
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + TransferTestSupport.IMPORT))
                .header("Authorization", admin())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArrays(List.of(head, filler, tail))).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"status\":413");
    }
}
