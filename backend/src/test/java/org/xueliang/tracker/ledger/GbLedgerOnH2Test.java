package org.xueliang.tracker.ledger;

import org.xueliang.tracker.testing.OnH2;

/** The national code over the API on the H2 database of the fast API tests. */
@OnH2
class GbLedgerOnH2Test extends GbLedgerApiContract {
}
