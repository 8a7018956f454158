/**
 * Availability (SPEC §6.1): per device, tier, category and site over any period, from daily
 * rollups plus the partial days from state intervals. The engine is plain Java with its policy
 * passed in as a value and printed on every result.
 */
package org.xueliang.tracker.availability;
