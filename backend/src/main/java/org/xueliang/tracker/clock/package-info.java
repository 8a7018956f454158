/**
 * 时钟准确率 (issue 11 §4): the history of the clock offsets devices report (ONVIF GetSystemDateAndTime, GB/T 28181
 * DeviceStatus), thinned and kept like raw results (table {@code clock_sample}); the share of samples within the
 * threshold per camera and group, the worst offenders, Prometheus gauges, and the {@code CLOCK_ACCURACY} indicator of
 * the monthly assessment. Samples arrive through {@code monitoring.ProbeFactsReported}. Docs: docs/CLOCK.md.
 */
package org.xueliang.tracker.clock;
