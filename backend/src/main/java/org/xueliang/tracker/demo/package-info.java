/**
 * Demo mode ({@code XL_DEMO=true}, on in {@code ./scripts/run.sh}; see docs/DEMO.md): the devices on
 * loopback addresses are pointed at an in-process simulator fleet with scripted faults, and a
 * deterministic synthetic history (intervals, maintenance windows, reboots, daily rollups, all marked
 * synthetic) is backfilled once so evaluations have data. Nothing here is active unless
 * {@code xl.demo=true}; no other module depends on it.
 */
package org.xueliang.tracker.demo;
