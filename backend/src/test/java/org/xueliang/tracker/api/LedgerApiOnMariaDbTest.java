package org.xueliang.tracker.api;

import org.xueliang.tracker.testing.OnMariaDb;

/** The API contract on a fresh MariaDB database (production's engine). */
@OnMariaDb
class LedgerApiOnMariaDbTest extends LedgerApiContract {
}
