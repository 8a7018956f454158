package org.xueliang.tracker.gb28181;

import org.xueliang.tracker.testing.OnH2;

@OnH2
class GbQueriesOnH2Test extends GbQueriesContract {
}
