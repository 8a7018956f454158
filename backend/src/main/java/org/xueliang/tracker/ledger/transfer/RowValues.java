package org.xueliang.tracker.ledger.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.xueliang.tracker.ledger.DeviceFields;
import org.xueliang.tracker.ledger.LedgerReference;
import org.xueliang.tracker.ledger.Site;

/**
 * One data row's values as read from the file, before they meet the ledger: which fields the file
 * gives (and their parsed values), the site code, and the cells that did not parse.
 */
final class RowValues {

    private final int row;
    private final Object[] values = new Object[DeviceColumns.FIELDS.size()];
    private final boolean[] given = new boolean[DeviceColumns.FIELDS.size()];
    private final Set<String> unparsable = new HashSet<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private String siteCode = "";
    /** The uplink's asset tag; "" for none, null when the file has no such column (uplinks stay). */
    private String uplinkTag;

    RowValues(int row) {
        this.row = row;
    }

    void put(DeviceColumns.Column column, String text) {
        given[column.index()] = true;
        try {
            values[column.index()] = CellText.parse(text, column.type());
        } catch (CellText.Unparsable e) {
            unparsable.add(column.name());
            problem(column.name(), e.getMessage());
        }
    }

    void siteCode(String code) {
        siteCode = code;
    }

    void uplinkTag(String tag) {
        uplinkTag = tag;
    }

    String uplinkTag() {
        return uplinkTag;
    }

    int row() {
        return row;
    }

    /** The asset tag the row is matched by, or null when it has none. */
    String assetTag() {
        Object tag = values[DeviceColumns.field(DeviceColumns.ASSET_TAG).orElseThrow().index()];
        return tag == null ? null : tag.toString();
    }

    List<RowProblem> problems() {
        return problems;
    }

    /** Validation findings about a cell that did not even parse would only repeat that (e.g. "is required"). */
    boolean unparsable(String column) {
        return unparsable.contains(column);
    }

    void problem(String column, String reason) {
        problems.add(new RowProblem(row, column, reason));
    }

    /**
     * The device's fields after this row: the existing device's fields (null for a new one) with
     * every column the file gives laid over them. An empty lifecycle cell keeps an existing device's
     * state, as PUT does. The site code fills in siteId only when the row gives no siteId.
     */
    DeviceFields over(DeviceFields existing, LedgerReference reference) {
        Object[] merged = DeviceColumns.values(existing);
        for (DeviceColumns.Column column : DeviceColumns.FIELDS) {
            boolean keepState = column.name().equals(DeviceColumns.LIFECYCLE) && values[column.index()] == null;
            if (given[column.index()] && !(keepState && existing != null)) {
                merged[column.index()] = values[column.index()];
            }
        }
        int siteId = DeviceColumns.field("siteId").orElseThrow().index();
        if (!siteCode.isEmpty() && values[siteId] == null && !unparsable.contains("siteId")) {
            Site site = reference.sitesByCode().get(siteCode);
            if (site == null) {
                problem(DeviceColumns.SITE_CODE, "no site has code '" + siteCode + "'");
            } else {
                merged[siteId] = site.getId();
            }
        }
        return DeviceColumns.fields(merged);
    }
}
