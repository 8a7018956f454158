/**
 * WS-Discovery from the backend (zone {@code local}): probes a unicast target or the multicast group and tells which
 * of the cameras that answered are already in the ledger. No table of its own; the scan is audited.
 */
package org.xueliang.tracker.monitoring.discovery;
