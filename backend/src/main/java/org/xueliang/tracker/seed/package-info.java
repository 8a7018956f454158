/**
 * The bundled reference dataset (稷山县雪亮工程一期, see docs/REFERENCE-DATA.md), loaded into an
 * empty database on first start unless {@code XL_SEED=false}. Devices go through the ledger's own
 * use cases, so seeded data obeys the same rules and leaves the same audit trail as typed-in data.
 */
package org.xueliang.tracker.seed;
