package org.xueliang.tracker.availability;

import org.xueliang.tracker.testing.OnH2;

/** The device-month rollups on H2 in MySQL mode (the embedded default). */
@OnH2
class DeviceMonthRollupsOnH2Test extends DeviceMonthRollupsContract {
}
