package org.xueliang.tracker.ledger.transfer;

/** What an import did (or, on a dry run, would do): rows read, devices created, updated, left as they were. */
record ImportResult(boolean dryRun, int rows, int created, int updated, int unchanged) {
}
