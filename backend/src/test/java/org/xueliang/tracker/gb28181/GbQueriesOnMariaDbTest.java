package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.testing.OnMariaDb;

/** The same on MariaDB: row locks (FOR UPDATE), DATETIME(3) and the upserts as production runs them. */
@OnMariaDb
class GbQueriesOnMariaDbTest extends GbQueriesContract {
}
