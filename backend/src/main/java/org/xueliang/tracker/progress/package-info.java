/**
 * 建设进度: the build-out measured against the contract — per quantity target and construction
 * item, the weekly installation curve, and contract vs audited cost against the ceiling. Reads the
 * ledger; computes in {@link org.xueliang.tracker.progress.ProgressCalculator}, plain Java.
 */
package org.xueliang.tracker.progress;
