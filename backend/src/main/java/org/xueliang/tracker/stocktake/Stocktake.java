package org.xueliang.tracker.stocktake;

import java.time.Instant;

/**
 * A stocktake session as the API shows it: what it covers (a project, a site or a township; a site or township session
 * may be narrowed to one project), who opened and closed it, and its live counts. {@code found} counts expected
 * devices seen, {@code unexpected} devices seen that the session did not expect; each device counts once however often
 * it was scanned.
 */
public record Stocktake(long id, Long projectId, Long siteId, String siteName, String township, StocktakeState state,
                        Instant openedAt, String openedBy, Instant closedAt, String closedBy, boolean locationsApplied,
                        int expected, int found, int unexpected, int scans, long version) {
}
