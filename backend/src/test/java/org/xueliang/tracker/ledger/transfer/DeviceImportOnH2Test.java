package org.xueliang.tracker.ledger.transfer;

import org.springframework.test.context.TestPropertySource;

/** {@link DeviceImportContract} on its own in-memory H2 database (MySQL mode). */
@TestPropertySource(properties = TransferTestSupport.H2)
class DeviceImportOnH2Test extends DeviceImportContract {
}
