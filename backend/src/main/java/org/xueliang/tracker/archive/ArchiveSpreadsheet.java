package org.xueliang.tracker.archive;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.CameraDirectory.Camera;
import org.xueliang.tracker.ledger.transfer.ImportTable;
import org.xueliang.tracker.ledger.transfer.RowProblem;
import org.xueliang.tracker.ledger.transfer.Spreadsheets;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.Texts;

/**
 * The 一机一档 Excel layout (docs/ARCHIVE.md "Excel layout"): one row per camera, 序号, then the fields in the provincial
 * form's order with Chinese headers and labels, then 资产编号 (the key an import finds the camera by) and 档案完整率.
 * The import is all or nothing like the device import: every row is checked against the same rules as PUT and any
 * problem rejects the file with all row errors; the ledger's columns are read-only (edited in the ledger) and ignored.
 */
@Service
class ArchiveSpreadsheet {

    static final String SHEET = "一机一档";
    static final int MAX_ROWS = 50_000;
    private static final Locale LAYOUT = Texts.ZH_CN;

    private final ArchiveService service;
    private final ArchiveWords words;
    private final AuditTrail audit;

    ArchiveSpreadsheet(ArchiveService service, ArchiveWords words, AuditTrail audit) {
        this.service = service;
        this.words = words;
        this.audit = audit;
    }

    List<String> header() {
        List<String> h = new ArrayList<>();
        h.add(words.texts(LAYOUT, "archive.column.seq"));
        for (ArchiveField f : ArchiveField.values()) {
            h.add(words.field(LAYOUT, f));
        }
        h.add(words.texts(LAYOUT, "archive.column.assetTag"));
        h.add(words.texts(LAYOUT, "archive.column.completeness"));
        return h;
    }

    @Transactional(readOnly = true)
    byte[] export(long projectId) {
        List<List<Object>> rows = new ArrayList<>();
        int seq = 1;
        for (CameraArchive a : service.ofProject(projectId)) {
            List<Object> row = new ArrayList<>();
            row.add(seq++);
            for (ArchiveField f : ArchiveField.values()) {
                String v = a.value(f);
                row.add(f == ArchiveField.RETENTION_DAYS && v != null && v.matches("\\d{1,9}") ? Integer.valueOf(v)
                        : words.display(LAYOUT, f, v));
            }
            row.add(a.camera().assetTag());
            row.add(String.format(Locale.ROOT, "%.1f%%", a.completeness() * 100));
            rows.add(row);
        }
        return Spreadsheets.xlsx(SHEET, header(), rows);
    }

    /** What an import did: rows read, archives changed. */
    record Result(boolean dryRun, int rows, int updated, int unchanged) {
    }

    @Transactional
    Result importFile(long projectId, String fileName, byte[] content, boolean dryRun) {
        service.visibleProject(projectId);
        ImportTable table = Spreadsheets.read(content, MAX_ROWS);
        Map<Integer, ArchiveField> columns = new LinkedHashMap<>();
        int keyColumn = columns(table, columns);
        Map<String, Camera> byTag = new HashMap<>();
        ArchiveService.Frame frame = service.frame(projectId);
        frame.counted().forEach(c -> byTag.put(c.assetTag().toLowerCase(Locale.ROOT), c));
        Map<Long, CameraArchive> current = new HashMap<>();
        service.archives(frame, List.copyOf(byTag.values())).forEach(a -> current.put(a.camera().id(), a));
        List<RowProblem> problems = new ArrayList<>();
        List<ArchiveService.Checked> writes = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        int badRows = 0;
        for (ImportTable.Row row : table.rows()) {
            List<RowProblem> rowProblems = new ArrayList<>();
            String tag = row.cell(keyColumn);
            Camera camera = byTag.get(tag.toLowerCase(Locale.ROOT));
            String keyName = table.header().get(keyColumn);
            if (camera == null) {
                rowProblems.add(new RowProblem(row.number(), keyName, words.texts(Texts.current(),
                        "archive.import.unknownCamera", tag)));
            } else if (seen.putIfAbsent(camera.id(), row.number()) != null) {
                rowProblems.add(new RowProblem(row.number(), keyName, words.texts(Texts.current(),
                        "archive.import.duplicate", tag, seen.get(camera.id()))));
            } else {
                Map<ArchiveField, String> own = new EnumMap<>(ArchiveField.class);
                own.putAll(current.get(camera.id()).stored());
                columns.forEach((index, f) -> {
                    String cell = words.parse(f, row.cell(index));
                    if (cell == null || cell.isBlank()) {
                        own.remove(f);
                    } else {
                        own.put(f, cell);
                    }
                });
                ArchiveService.Checked checked = service.checked(camera, ArchiveService.ownOnly(own), frame);
                for (FieldProblem p : checked.problems()) {
                    ArchiveField f = ArchiveField.byCode(p.field()).orElseThrow();
                    rowProblems.add(new RowProblem(row.number(), words.field(LAYOUT, f), p.message()));
                }
                writes.add(checked);
            }
            if (!rowProblems.isEmpty()) {
                badRows++;
                problems.addAll(rowProblems);
            }
        }
        if (!problems.isEmpty()) {
            throw Spreadsheets.rowsRejected(problems, badRows, table.rows().size());
        }
        int updated = 0;
        for (ArchiveService.Checked w : writes) {
            CameraArchive before = current.get(w.archive().camera().id());
            if (!before.stored().equals(w.archive().stored())) {
                updated++;
                if (!dryRun) {
                    service.write(w.archive(), before, ArchiveVersions.Source.IMPORT);
                }
            }
        }
        Result result = new Result(dryRun, table.rows().size(), updated, writes.size() - updated);
        if (!dryRun) {
            String sha256 = Spreadsheets.sha256(content);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("fileName", fileName);
            summary.put("sha256", sha256);
            summary.put("rows", result.rows());
            summary.put("updated", result.updated());
            audit.record(projectId, "ARCHIVE_IMPORT", "CameraArchiveImport", sha256, String.format(
                    "Imported camera archives from %s: %d rows, %d updated", fileName, result.rows(), result.updated()),
                    null, summary);
        }
        return result;
    }

    /**
     * The archive's own columns of the header (index → field) and the index of the key column (资产编号); unknown
     * headers and a missing key reject the file.
     */
    private int columns(ImportTable table, Map<Integer, ArchiveField> columns) {
        Map<String, ArchiveField> byHeader = new HashMap<>();
        for (ArchiveField f : ArchiveField.values()) {
            byHeader.put(words.field(LAYOUT, f), f);
        }
        String seq = words.texts(LAYOUT, "archive.column.seq");
        String key = words.texts(LAYOUT, "archive.column.assetTag");
        String completeness = words.texts(LAYOUT, "archive.column.completeness");
        List<RowProblem> problems = new ArrayList<>();
        int keyColumn = -1;
        for (int i = 0; i < table.header().size(); i++) {
            String name = table.header().get(i) == null ? "" : table.header().get(i).trim();
            ArchiveField f = byHeader.get(name);
            if (name.equals(key)) {
                keyColumn = i;
            } else if (f != null && !f.ledger()) {
                columns.put(i, f);
            } else if (f == null && !name.isEmpty() && !name.equals(seq) && !name.equals(completeness)) {
                problems.add(new RowProblem(1, name, words.texts(Texts.current(), "archive.import.unknownColumn", name)));
            }
        }
        if (keyColumn < 0) {
            problems.add(new RowProblem(1, key, words.texts(Texts.current(), "archive.import.noKey", key)));
        }
        if (!problems.isEmpty()) {
            throw Spreadsheets.headerRejected(problems);
        }
        return keyColumn;
    }
}
