package org.xueliang.tracker.availability;

import org.xueliang.tracker.testing.OnMariaDb;

/** The device-month rollups on the real MariaDB (production's engine). */
@OnMariaDb
class DeviceMonthRollupsOnMariaDbTest extends DeviceMonthRollupsContract {
}
