package org.xueliang.tracker.ledger;

import org.xueliang.tracker.testing.OnMariaDb;

/** The boundary API on a fresh MariaDB database (production's engine). */
@OnMariaDb
class SiteBoundaryOnMariaDbTest extends SiteBoundaryApiContract {
}
