package org.xueliang.tracker.ledger.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xueliang.tracker.audit.AuditTrail;
import org.xueliang.tracker.ledger.Device;
import org.xueliang.tracker.ledger.DeviceFields;
import org.xueliang.tracker.ledger.DeviceRepository;
import org.xueliang.tracker.ledger.DeviceService;
import org.xueliang.tracker.ledger.DeviceUplinks;
import org.xueliang.tracker.ledger.DeviceWriteContext;
import org.xueliang.tracker.shared.FieldProblem;
import org.xueliang.tracker.shared.RetryingTransactionTemplate;
import org.xueliang.tracker.shared.TransactionRetries;

/**
 * Bulk import of devices (SPEC §4): all or nothing. The file is read and every row checked first —
 * by the same {@code DeviceService} rules as the API, against one reference snapshot and one batch
 * lookup of the asset tags — and any problem rejects the whole file with all problems listed. Only
 * a clean file is written, in one transaction, through the API's own create and update path (so
 * each device change is audited the same way), plus one summary audit entry for the import.
 * Unlike PUT, an import may set the lifecycle and its dates: it is how an existing ledger is
 * migrated in, and the validator still insists that the dates tell a consistent story.
 */
@Service
class DeviceImporter {

    static final String AUDIT_ENTITY = "DeviceImport";
    /** Far above a county's ledger (a few thousand devices), low enough that one file cannot tie up the server. */
    static final int MAX_ROWS = 50_000;
    /** Asset tags per IN (…) query: well below every database's parameter limit. */
    private static final int LOOKUP_BATCH = 1000;

    private final DeviceService service;
    private final DeviceRepository devices;
    private final DeviceUplinks uplinks;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    DeviceImporter(DeviceService service, DeviceRepository devices, DeviceUplinks uplinks, AuditTrail audit,
                   PlatformTransactionManager transactions, TransactionRetries retries) {
        this.service = service;
        this.devices = devices;
        this.uplinks = uplinks;
        this.audit = audit;
        this.transaction = new RetryingTransactionTemplate(transactions, retries);
    }

    ImportResult importFile(ImportUpload upload, boolean dryRun) {
        SpreadsheetFormat format = SpreadsheetFormat.detect(upload.content());
        // Parsing happens before the transaction: a large workbook should not hold a connection while it is read.
        ImportTable table = format == SpreadsheetFormat.XLSX
                ? XlsxTableReader.read(upload.content(), MAX_ROWS)
                : CsvTableReader.read(upload.content(), MAX_ROWS);
        ImportHeader header = ImportHeader.of(table);
        if (!header.problems().isEmpty()) {
            throw ImportRejected.header(header.problems());
        }
        return transaction.execute(status -> {
            DeviceWriteContext context = service.writeContext();
            Plan plan = plan(table, header, context);
            ImportResult result = apply(plan, context, dryRun);
            if (dryRun) {
                status.setRollbackOnly();
            } else {
                recordImport(upload, format, result);
            }
            return result;
        });
    }

    /** One checked row: the device it changes (null for a new one) and its fields afterwards. */
    private record Write(Device existing, DeviceFields fields) {
    }

    /** The checked rows, and their uplinks (written once every device of the file has its id). */
    private record Plan(List<Write> writes, UplinkPlan uplinks, Map<String, Device> ledger) {
    }

    private Plan plan(ImportTable table, ImportHeader header, DeviceWriteContext context) {
        List<RowValues> rows = table.rows().stream().map(header::read).toList();
        Map<String, Device> existing = existingByTag(rows);
        UplinkPlan uplinkPlan = new UplinkPlan(existing, devices::findById, service::inScope);
        List<DeviceFields> fieldsOfRows = new ArrayList<>();
        Map<String, Integer> firstRowOfTag = new HashMap<>();
        Map<String, Integer> firstRowOfGbCode = new HashMap<>();
        List<Write> writes = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        int badRows = 0;
        for (RowValues row : rows) {
            String tag = row.assetTag();
            Device device = tag == null ? null : existing.get(key(tag));
            if (tag != null) {
                Integer first = firstRowOfTag.putIfAbsent(key(tag), row.row());
                if (first != null) {
                    row.problem(DeviceColumns.ASSET_TAG, "asset tag '" + tag + "' is already in row " + first);
                }
            }
            if (device != null && !service.inScope(device.getProjectId())) {
                row.problem(DeviceColumns.ASSET_TAG, "asset tag '" + tag + "' belongs to a device outside your projects");
            }
            DeviceFields fields = row.over(device == null ? null : device.fields(), context.reference());
            if (fields.gbCode() != null && !fields.gbCode().isBlank()) {
                Integer first = firstRowOfGbCode.putIfAbsent(fields.gbCode().trim(), row.row());
                if (first != null) {
                    row.problem(DeviceColumns.GB_CODE, "national code '" + fields.gbCode().trim() + "' is already in row " + first);
                }
            }
            for (FieldProblem p : service.problems(fields, context, device == null ? null : device.getId())) {
                if (!row.unparsable(p.field())) {
                    row.problem(p.field(), p.message());
                }
            }
            uplinkPlan.add(row, fields);
            fieldsOfRows.add(fields);
        }
        for (int i = 0; i < rows.size(); i++) {
            RowValues row = rows.get(i);
            DeviceFields fields = fieldsOfRows.get(i);
            uplinkPlan.check(row, fields);
            String tag = row.assetTag();
            Device device = tag == null ? null : existing.get(key(tag));
            if (row.problems().isEmpty()) {
                writes.add(new Write(device, fields));
            } else {
                problems.addAll(row.problems());
                badRows++;
            }
        }
        if (!problems.isEmpty()) {
            throw ImportRejected.rows(problems, badRows, rows.size());
        }
        return new Plan(writes, uplinkPlan, existing);
    }

    private ImportResult apply(Plan plan, DeviceWriteContext context, boolean dryRun) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, Long> idOfTag = new HashMap<>();
        plan.ledger().forEach((tag, device) -> idOfTag.put(tag, device.getId()));
        for (Write w : plan.writes()) {
            if (w.existing() == null) {
                idOfTag.put(key(w.fields().assetTag()), service.insert(w.fields(), context).id());
                created++;
            } else if (UnchangedCheck.unchanged(w.existing(), w.fields())) {
                if (uplinkChanges(plan, w.existing())) {
                    updated++;
                } else {
                    unchanged++;
                }
            } else {
                service.overwrite(w.existing(), w.fields(), context);
                updated++;
            }
        }
        for (Write w : plan.writes()) {
            String tag = w.fields().assetTag();
            if (plan.uplinks().writes(tag)) {
                Long uplink = plan.uplinks().uplinkOf(tag).map(idOfTag::get).orElse(null);
                uplinks.apply(idOfTag.get(key(tag)), w.fields().projectId(), new DeviceUplinks.Requested(true, uplink));
            }
        }
        return new ImportResult(dryRun, plan.writes().size(), created, updated, unchanged);
    }

    /** Whether the row of an existing device gives it another uplink than it has (a device of the file is a new one). */
    private static boolean uplinkChanges(Plan plan, Device existing) {
        if (!plan.uplinks().writes(existing.getAssetTag())) {
            return false;
        }
        Long now = existing.getUplinkDeviceId();
        return plan.uplinks().uplinkOf(existing.getAssetTag())
                .map(tag -> plan.ledger().get(tag) == null || !plan.ledger().get(tag).getId().equals(now))
                .orElse(now != null);
    }

    /**
     * The ledger's devices with the file's asset tags, a thousand per query. Keys are lower-case:
     * MariaDB compares asset tags case-insensitively, so "cam-1" there finds device "CAM-1".
     */
    private Map<String, Device> existingByTag(List<RowValues> rows) {
        // the uplink cells' tags too: an uplink may be a device of the ledger that the file does not list
        List<String> tags = rows.stream().flatMap(r -> java.util.stream.Stream.of(r.assetTag(), r.uplinkTag()))
                .filter(t -> t != null && !t.isEmpty()).distinct().toList();
        Map<String, Device> byTag = new LinkedHashMap<>();
        for (int from = 0; from < tags.size(); from += LOOKUP_BATCH) {
            for (Device d : devices.findByAssetTagIn(tags.subList(from, Math.min(tags.size(), from + LOOKUP_BATCH)))) {
                byTag.put(key(d.getAssetTag()), d);
            }
        }
        return byTag;
    }

    private void recordImport(ImportUpload upload, SpreadsheetFormat format, ImportResult result) {
        String sha256 = upload.sha256();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fileName", upload.fileName());
        summary.put("format", format.name());
        summary.put("sha256", sha256);
        summary.put("rows", result.rows());
        summary.put("created", result.created());
        summary.put("updated", result.updated());
        summary.put("unchanged", result.unchanged());
        audit.record("IMPORT", AUDIT_ENTITY, sha256, String.format("Imported %s: %d rows, %d created, %d updated, %d unchanged",
                upload.fileName(), result.rows(), result.created(), result.updated(), result.unchanged()), null, summary);
    }

    private static String key(String tag) {
        return UplinkPlan.key(tag);
    }
}
