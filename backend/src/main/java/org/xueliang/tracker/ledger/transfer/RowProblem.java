package org.xueliang.tracker.ledger.transfer;

/**
 * One thing wrong in an import file: the row as a spreadsheet numbers it (header = 1), the column
 * by its header name (null when the whole row is at fault) and why.
 */
public record RowProblem(int row, String column, String reason) {
}
