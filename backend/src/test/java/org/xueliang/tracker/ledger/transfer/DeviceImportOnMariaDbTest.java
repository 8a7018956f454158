package org.xueliang.tracker.ledger.transfer;

import org.xueliang.tracker.testing.OnMariaDb;

/** {@link DeviceImportContract} on a fresh database of the real MariaDB. */
@OnMariaDb
class DeviceImportOnMariaDbTest extends DeviceImportContract {
}
