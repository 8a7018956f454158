package org.xueliang.tracker.ledger.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header row understood: which file column holds which device field (or the site code, the uplink's tag), and
 * everything wrong with it. Names match case-insensitively; order is free; a column left out of the
 * file leaves that field of an existing device as it is.
 */
final class ImportHeader {

    static final int HEADER_ROW = 1;

    private final Map<DeviceColumns.Column, Integer> fields = new LinkedHashMap<>();
    private Integer siteCode;
    private Integer uplinkTag;
    private final List<RowProblem> problems = new ArrayList<>();
    /** How many columns the header row has: a row's cells beyond it have no column to go to. */
    private final int width;

    private ImportHeader(int width) {
        this.width = width;
    }

    static ImportHeader of(ImportTable table) {
        ImportHeader h = new ImportHeader(table.header().size());
        Map<String, Integer> seen = new HashMap<>();
        List<String> names = table.header();
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i) == null ? "" : names.get(i).trim();
            if (raw.isEmpty()) {
                h.requireEmptyColumn(table, i);
                continue;
            }
            var canonical = DeviceColumns.canonicalName(raw);
            if (canonical.isEmpty()) {
                h.problem(raw, "unknown column; the columns are " + String.join(", ", DeviceColumns.headerNames()));
                continue;
            }
            String name = canonical.get();
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                h.problem(name, "appears twice (columns " + (earlier + 1) + " and " + (i + 1) + ")");
            } else if (name.equals(DeviceColumns.SITE_CODE)) {
                h.siteCode = i;
            } else if (name.equals(DeviceColumns.UPLINK_ASSET_TAG)) {
                h.uplinkTag = i;
            } else {
                h.fields.put(DeviceColumns.field(name).orElseThrow(), i);
            }
        }
        for (String required : DeviceColumns.REQUIRED) {
            if (!seen.containsKey(required)) {
                h.problem(required, "required column is missing");
            }
        }
        return h;
    }

    List<RowProblem> problems() {
        return problems;
    }

    /** The cells of one data row, parsed by column type; a cell that does not parse is a problem of its column. */
    RowValues read(ImportTable.Row row) {
        RowValues values = new RowValues(row.number());
        fields.forEach((column, index) -> values.put(column, row.cell(index)));
        if (siteCode != null) {
            values.siteCode(row.cell(siteCode));
        }
        if (uplinkTag != null) {
            values.uplinkTag(row.cell(uplinkTag).trim());
        }
        surplusCell(row, width).ifPresent(index -> values.problem(null, "the row has a value in column " + (index + 1)
                + " but the header has only " + width + " columns"));
        return values;
    }

    /** The first non-empty cell of the row beyond the header; trailing empty cells (a trailing comma) are fine. */
    private static Optional<Integer> surplusCell(ImportTable.Row row, int width) {
        for (int i = width; i < row.cells().size(); i++) {
            if (!row.cell(i).isEmpty()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** A column without a name is tolerated only while it is empty (Excel leaves such columns after formatting). */
    private void requireEmptyColumn(ImportTable table, int index) {
        table.rows().stream().filter(r -> !r.cell(index).isEmpty()).findFirst().ifPresent(r ->
                problem(null, "column " + (index + 1) + " has values (e.g. in row " + r.number() + ") but no header name"));
    }

    private void problem(String column, String reason) {
        problems.add(new RowProblem(HEADER_ROW, column, reason));
    }
}
