package org.xueliang.tracker.ledger.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.EXPORT;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.admin;
import static org.xueliang.tracker.ledger.transfer.TransferTestSupport.upload;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.xueliang.tracker.ledger.DeviceRepository;

/**
 * Export formats and the round trip on the untouched reference dataset (94 devices): whatever is
 * exported imports back as "unchanged". Nothing in this class changes the ledger, so its context
 * (and database) is kept apart from the import tests by its own property set.
 */
@SpringBootTest(properties = {"xl.admin-password=" + TransferTestSupport.ADMIN_PASSWORD,
        "xl.test.context=export-round-trip"})
@AutoConfigureMockMvc
abstract class DeviceExportRoundTripContract {

    private static final List<String> HEADER = List.of("projectId", "assetTag", "name", "category", "constructionItemId",
            "siteId", "vendor", "model", "serialNumber", "macAddress", "ipAddress", "firmware", "lifecycle", "plannedOn",
            "deliveredOn", "installedOn", "acceptedOn", "inServiceOn", "faultyOn", "retiredOn", "warrantyEnd",
            "unitPrice", "notes", "probeMethod", "probePort", "probeHost", "probeIntervalSeconds", "probeTimeoutMs",
            "probeZone", "gbCode", "siteCode", "uplinkAssetTag");

    @Autowired
    MockMvc mvc;
    @Autowired
    DeviceRepository devices;

    @Test
    void csvExportIsUtf8WithBomRfc4180AndNamedByDate() throws Exception {
        var response = mvc.perform(get(EXPORT).param("format", "csv").header("Authorization", admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.matchesPattern("attachment; filename=\"devices-\\d{8}\\.csv\"; filename\\*=UTF-8''devices-\\d{8}\\.csv")))
                .andReturn().getResponse();
        byte[] body = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", HEADER));
        assertThat(lines).hasSize(1 + 94);
        // ISO dates, plain money with fen, enum names: the first seeded camera as an example of each.
        assertThat(text).containsPattern(",\\d{4}-\\d{2}-\\d{2},").containsPattern(",\\d+\\.\\d{2},")
                .contains(",IN_SERVICE,").doesNotContain("E+");
    }

    @Test
    void exportIsNotMistakenForADeviceIdAndKeepsTheListFilters() throws Exception {
        long faceCameras = devices.findAll().stream().filter(d -> d.getCategoryCode().equals("FACE_CAMERA")).count();
        assertThat(faceCameras).isPositive();
        String text = mvc.perform(get(EXPORT).param("category", "FACE_CAMERA").header("Authorization", admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> rows = text.lines().skip(1).toList();
        assertThat(rows).hasSize((int) faceCameras).allMatch(r -> r.contains(",FACE_CAMERA,"));

        mvc.perform(get(EXPORT).param("format", "pdf").header("Authorization", admin()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get(EXPORT)).andExpect(status().isUnauthorized());
    }

    @Test
    void xlsxExportHasOneSheetBoldFrozenHeaderNumericNumbersAndTextDates() throws Exception {
        var response = mvc.perform(get(EXPORT).param("format", "xlsx").header("Authorization", admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx\"; filename*=UTF-8''devices-")))
                .andReturn().getResponse();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = wb.getSheet("设备台账");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            XSSFRow head = sheet.getRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                assertThat(head.getCell(c).getStringCellValue()).isEqualTo(HEADER.get(c));
                assertThat(head.getCell(c).getCellStyle().getFont().getBold()).isTrue();
            }
            assertThat(sheet.getLastRowNum()).isEqualTo(94);
            XSSFRow first = sheet.getRow(1);
            assertThat(first.getCell(HEADER.indexOf("projectId")).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(HEADER.indexOf("assetTag")).getCellType()).isEqualTo(CellType.STRING);
            boolean sawPrice = false;
            boolean sawDate = false;
            for (int r = 1; r <= 94; r++) {
                var price = sheet.getRow(r).getCell(HEADER.indexOf("unitPrice"));
                if (price != null) {
                    assertThat(price.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(price.getCellStyle().getDataFormatString()).isEqualTo("0.00");
                    sawPrice = true;
                }
                var delivered = sheet.getRow(r).getCell(HEADER.indexOf("deliveredOn"));
                if (delivered != null) {
                    assertThat(delivered.getCellType()).isEqualTo(CellType.STRING);
                    assertThat(delivered.getStringCellValue()).matches("\\d{4}-\\d{2}-\\d{2}");
                    sawDate = true;
                }
            }
            assertThat(sawPrice).isTrue();
            assertThat(sawDate).isTrue();
        }
    }

    @Test
    void wholeLedgerExportedAsCsvImportsBackUnchanged() throws Exception {
        roundTrip("csv");
    }

    @Test
    void wholeLedgerExportedAsXlsxImportsBackUnchanged() throws Exception {
        roundTrip("xlsx");
    }

    private void roundTrip(String format) throws Exception {
        var before = devices.findAll().stream().map(d -> d.getAssetTag() + "/" + d.getVersion() + "/" + d.getUpdatedAt()).sorted().toList();
        byte[] file = mvc.perform(get(EXPORT).param("format", format).header("Authorization", admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        mvc.perform(upload("devices." + format, file, false, admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(false))
                .andExpect(jsonPath("$.rows").value(94))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(94));
        var after = devices.findAll().stream().map(d -> d.getAssetTag() + "/" + d.getVersion() + "/" + d.getUpdatedAt()).sorted().toList();
        assertThat(after).isEqualTo(before);
    }
}
