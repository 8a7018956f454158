package org.xueliang.tracker.availability;

import org.xueliang.tracker.testing.OnMariaDb;

/** The category rollups on the real MariaDB (production's engine). */
@OnMariaDb
class CategoryRollupsOnMariaDbTest extends CategoryRollupsContract {
}
