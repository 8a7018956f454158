package org.xueliang.tracker.ledger.transfer;

/** An export ready to send: file name, MIME type and bytes. */
record ExportFile(String fileName, String contentType, byte[] content) {
}
