package org.xueliang.tracker.availability;

import org.xueliang.tracker.testing.OnH2;

/** The category rollups on H2 in MySQL mode (the embedded default). */
@OnH2
class CategoryRollupsOnH2Test extends CategoryRollupsContract {
}
