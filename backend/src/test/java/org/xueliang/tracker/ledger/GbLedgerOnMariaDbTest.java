package org.xueliang.tracker.ledger;

import org.xueliang.tracker.testing.OnMariaDb;

/** The national code over the API on a fresh MariaDB database (production's engine: the unique index, LIKE). */
@OnMariaDb
class GbLedgerOnMariaDbTest extends GbLedgerApiContract {
}
