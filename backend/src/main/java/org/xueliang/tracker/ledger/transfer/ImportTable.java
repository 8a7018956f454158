package org.xueliang.tracker.ledger.transfer;

import java.util.List;

/**
 * An uploaded file as rows of cell text, whatever its format: the header (row 1) and the data
 * rows, each with the number a spreadsheet shows for it. Blank rows are already left out.
 */
public record ImportTable(List<String> header, List<Row> rows) {

    public record Row(int number, List<String> cells) {

        /** The trimmed text of cell {@code index}, empty when the row is shorter. */
        public String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index).trim() : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }
}
