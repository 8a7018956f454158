/**
 * 录像完整率 and retention (issue 11 §2): recorded time ∩ expected recording window ÷ expected window, per camera and
 * period, from GB/T 28181 RecordInfo (read through {@link org.xueliang.tracker.gb28181.GbRecordings}) and ONVIF
 * Profile G searches (probe facts, {@link org.xueliang.tracker.agent.probe.RecordingFacts}, kept in
 * {@code recording_interval}); the windows each source answered ({@code recording_window}) say what was measured;
 * the oldest recording against 录像保存天数 ({@code recording_retention}, {@link org.xueliang.tracker.recording.RetentionDays}).
 * The indicator {@code RECORDING_COMPLETENESS} of the assessment. Docs: docs/RECORDING.md.
 */
package org.xueliang.tracker.recording;
