package org.xueliang.tracker.ledger;

import java.time.LocalDate;
import java.util.Map;

/**
 * What every device write is checked against, loaded once: the reference data, the tier of each
 * category (for the audited view) and the county's today (lifecycle dates may not be later).
 * An import of 1,000 rows shares one of these instead of loading it 1,000 times.
 */
public record DeviceWriteContext(LedgerReference reference, Map<String, Tier> tiers, LocalDate today) {
}
