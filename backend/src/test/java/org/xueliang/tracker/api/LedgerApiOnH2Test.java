package org.xueliang.tracker.api;

import org.xueliang.tracker.testing.OnH2;

/** The API contract on H2 in MySQL mode (the embedded default's engine). */
@OnH2
class LedgerApiOnH2Test extends LedgerApiContract {
}
