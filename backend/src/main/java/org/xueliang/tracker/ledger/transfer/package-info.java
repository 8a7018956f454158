/**
 * CSV/XLSX import and export of the ledger. Its named interface {@code transfer} offers {@link
 * org.xueliang.tracker.ledger.transfer.Spreadsheets} (reading an upload into rows, writing an XLSX sheet, the
 * all-or-nothing rejection with row errors) to other modules' imports and exports, such as the 一机一档 (archive).
 */
@org.springframework.modulith.NamedInterface("transfer")
package org.xueliang.tracker.ledger.transfer;
