/**
 * The ledger (台账): projects, construction items, quantity targets, sites, device categories and
 * devices with their lifecycle, plus bulk import/export. Other modules read it through the
 * repositories and views at this package's root.
 */
package org.xueliang.tracker.ledger;
