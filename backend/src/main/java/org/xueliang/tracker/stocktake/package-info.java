/**
 * Stocktake (资产盘点, issue 13 item 4; docs/STOCKTAKE.md): sessions over a site, a township or a project, opened and
 * closed by managers; technicians scan the devices' QR labels ({@code label.LabelCode}) or type asset tags; the report
 * (found, missing, unexpected, changed, 盘点率); closing can move devices found at another site through
 * {@code ledger.DeviceService}; per-category audit intervals with due and overdue lists.
 *
 * <p>Owns the tables {@code stocktake}, {@code stocktake_expected}, {@code stocktake_found}, {@code stocktake_scan} and
 * {@code stocktake_interval} (V43). Reads devices through {@code ledger.DeviceDirectory}, sites and categories through
 * the ledger's repositories.
 */
package org.xueliang.tracker.stocktake;
