/**
 * The 公安 video assessment (视频监控考核, issue 11): the monthly scoring sheet of a project's video network and its
 * indicators — 在线率, 录像完整率, 图像完好率, 时钟准确率, 一机一档. Each indicator is computed by the module that owns
 * its measurements through the port {@link org.xueliang.tracker.assessment.IndicatorSource}; this module groups the
 * per-camera figures, applies the scoring rules and keeps signed, frozen sheets. Docs: docs/ASSESSMENT.md.
 */
package org.xueliang.tracker.assessment;
