/**
 * 图像完好率 by video-quality diagnosis (VQD, issue 11 §3): a technician's check of a picture
 * ({@code POST /api/v1/vqd/analyze}) with the agents module's {@link org.xueliang.tracker.agent.vqd.VqdAnalyzer}.
 * Classes, algorithms, thresholds and the precision/recall table: docs/VQD.md.
 */
package org.xueliang.tracker.vqd;
