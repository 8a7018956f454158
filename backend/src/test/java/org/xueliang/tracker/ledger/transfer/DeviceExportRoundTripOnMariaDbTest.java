package org.xueliang.tracker.ledger.transfer;

import org.xueliang.tracker.testing.OnMariaDb;

/** {@link DeviceExportRoundTripContract} on a fresh database of the real MariaDB. */
@OnMariaDb
class DeviceExportRoundTripOnMariaDbTest extends DeviceExportRoundTripContract {
}
