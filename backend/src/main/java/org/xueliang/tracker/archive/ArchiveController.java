package org.xueliang.tracker.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xueliang.tracker.ledger.transfer.Spreadsheets;
import org.xueliang.tracker.shared.ApiException;
import org.xueliang.tracker.shared.PageRequests;
import org.xueliang.tracker.shared.PageResponse;
import org.xueliang.tracker.shared.Texts;

/** The 一机一档 API (docs/API.md "Camera archives"; permissions in SecurityConfig). */
@RestController
class ArchiveController {

    private final ArchiveService service;
    private final ArchiveMismatches mismatches;
    private final ArchiveSpreadsheet spreadsheet;
    private final ArchiveWords words;
    private final ArchiveHistory history;

    ArchiveController(ArchiveService service, ArchiveMismatches mismatches, ArchiveSpreadsheet spreadsheet,
                      ArchiveWords words, ArchiveHistory history) {
        this.service = service;
        this.history = history;
        this.mismatches = mismatches;
        this.spreadsheet = spreadsheet;
        this.words = words;
    }

    @GetMapping("/api/v1/devices/{id}/archive")
    ArchiveView get(@PathVariable long id) {
        return view(service.archive(id));
    }

    @PutMapping("/api/v1/devices/{id}/archive")
    ArchiveView put(@PathVariable long id, @RequestBody ArchiveInput input) {
        if (input == null) {
            throw ApiException.badRequest("body", "the archive is required");
        }
        return view(service.update(id, input.values()));
    }

    @GetMapping("/api/v1/devices/{id}/archive/versions")
    List<ArchiveHistory.VersionView> versions(@PathVariable long id) {
        return history.of(id);
    }

    @GetMapping("/api/v1/devices/{id}/archive/versions/{no}")
    ArchiveHistory.VersionView version(@PathVariable long id, @PathVariable int no) {
        return history.one(id, no);
    }

    @GetMapping("/api/v1/projects/{id}/archives")
    PageResponse<ArchiveView.Row> list(@PathVariable long id, @RequestParam(defaultValue = "false") boolean incomplete,
                                       @RequestParam(required = false) String township,
                                       @RequestParam(required = false) Long siteId,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        var pageable = PageRequests.of(page, size);
        List<ArchiveView.Row> rows = service.ofProject(id).stream()
                .filter(a -> !incomplete || !a.complete())
                .filter(a -> township == null || township.isBlank() || township.equals(a.camera().township()))
                .filter(a -> siteId == null || siteId.equals(a.camera().siteId()))
                .map(ArchiveController::row).toList();
        int from = (int) Math.min(rows.size(), pageable.getOffset());
        int to = Math.min(rows.size(), from + pageable.getPageSize());
        return new PageResponse<>(rows.subList(from, to), rows.size(), pageable.getPageNumber(), pageable.getPageSize());
    }

    @GetMapping("/api/v1/projects/{id}/archive-rates")
    ArchiveView.Rates rates(@PathVariable long id, @RequestParam(defaultValue = "project") String groupBy) {
        ArchiveRates.GroupBy by = ArchiveRates.GroupBy.parse(groupBy);
        List<CameraArchive> all = service.ofProject(id);
        return new ArchiveView.Rates(id, by.apiName(), ArchiveRates.rate("project", null, all), ArchiveRates.grouped(all, by));
    }

    @GetMapping("/api/v1/projects/{id}/archive-mismatches")
    List<ArchiveView.Mismatch> mismatches(@PathVariable long id) {
        return mismatches.of(service.ofProject(id));
    }

    @GetMapping("/api/v1/projects/{id}/archives/export")
    ResponseEntity<byte[]> export(@PathVariable long id) {
        String name = "camera-archives-" + id + ".xlsx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, Spreadsheets.XLSX_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + name)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(spreadsheet.export(id));
    }

    @PostMapping(path = "/api/v1/projects/{id}/archives/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ArchiveSpreadsheet.Result importFile(@PathVariable long id, @RequestPart("file") MultipartFile file,
                                         @RequestParam(defaultValue = "false") boolean dryRun) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        try {
            return spreadsheet.importFile(id, name, file.getBytes(), dryRun);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ArchiveView view(CameraArchive a) {
        Locale locale = Texts.current();
        var c = a.camera();
        return new ArchiveView(c.id(), c.projectId(), c.assetTag(), c.name(), c.siteName(), c.township(),
                ArchiveService.byCode(a.stored()), ArchiveService.byCode(a.values()),
                a.defaulted().stream().map(ArchiveField::code).toList(),
                a.verdicts().stream().map(v -> words.check(locale, v)).toList(), a.validRequired(),
                CameraArchive.requiredCount(), a.completeness(), a.complete(), a.updatedAt(), mismatches.of(List.of(a)));
    }

    private static ArchiveView.Row row(CameraArchive a) {
        var c = a.camera();
        return new ArchiveView.Row(c.id(), c.assetTag(), c.name(), c.categoryCode(), c.siteName(), c.township(),
                a.value(ArchiveField.MAINTENANCE_UNIT), a.validRequired(), CameraArchive.requiredCount(), a.completeness(),
                a.complete(), a.required(ArchiveRules.Status.MISSING), a.required(ArchiveRules.Status.INVALID));
    }
}
