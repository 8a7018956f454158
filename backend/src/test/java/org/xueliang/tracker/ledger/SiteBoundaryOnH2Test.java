package org.xueliang.tracker.ledger;

import org.xueliang.tracker.testing.OnH2;

/** The boundary API on the H2 database of the fast API tests. */
@OnH2
class SiteBoundaryOnH2Test extends SiteBoundaryApiContract {
}
