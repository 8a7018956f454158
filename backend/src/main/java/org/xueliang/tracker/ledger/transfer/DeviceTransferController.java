package org.xueliang.tracker.ledger.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xueliang.tracker.ledger.DeviceFilter;
import org.xueliang.tracker.ledger.Lifecycle;

/**
 * {@code GET /api/v1/devices/export} and {@code POST /api/v1/devices/import} (docs/IMPORT-EXPORT.md).
 * The literal paths win over DeviceController's {@code /{id}}. Permissions are in SecurityConfig:
 * export needs LEDGER_READ, import DEVICE_CREATE_DELETE_IMPORT; the upload limit (20 MB) is
 * spring.servlet.multipart in application.yml.
 */
@RestController
@RequestMapping("/api/v1/devices")
class DeviceTransferController {

    private final DeviceExporter exporter;
    private final DeviceImporter importer;

    DeviceTransferController(DeviceExporter exporter, DeviceImporter importer) {
        this.exporter = exporter;
        this.importer = importer;
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long projectId,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) Long siteId,
                                  @RequestParam(required = false) Lifecycle lifecycle,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Boolean hasGbCode,
                                  @RequestParam(defaultValue = "csv") String format) {
        ExportFile file = exporter.export(new DeviceFilter(projectId, category, siteId, lifecycle, q, hasGbCode),
                SpreadsheetFormat.named(format));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                // The plain filename for old clients, filename* (RFC 6266/5987) for the rest; both ASCII here.
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName()
                        + "\"; filename*=UTF-8''" + file.fileName())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@RequestPart("file") MultipartFile file,
                            @RequestParam(defaultValue = "false") boolean dryRun) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        try {
            return importer.importFile(new ImportUpload(name, file.getBytes()), dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
