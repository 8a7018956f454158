/**
 * Device labels (issue 13 item 3, docs/LABELS.md): PDF label sheets and single labels carrying a QR code (ZXing) that
 * opens the device page, with the asset tag, name, national code (设备编码) and site. {@code GET /api/v1/labels.pdf}
 * prints a selection, a site or any filter of the device list, within the caller's projects.
 *
 * <p>A module of its own rather than part of {@code ledger}: printing is a reading of the ledger with its own
 * dependencies (ZXing, the sheet geometry of label stock) and its own public contract, {@link
 * org.xueliang.tracker.label.LabelCode} (what a label's QR holds), which a stocktake scan resolves back to a device.
 * It reads the ledger only through {@code DeviceService} and {@code SiteRepository}, and owns no table.
 */
package org.xueliang.tracker.label;
