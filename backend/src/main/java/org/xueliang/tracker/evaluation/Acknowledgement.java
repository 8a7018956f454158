package org.xueliang.tracker.evaluation;

import java.time.Instant;

/**
 * An evaluator's acknowledgement of an open WARNING check at sign-off: which check ({@code code}, and
 * {@code rowId} for a per-row check), why the evaluation is signed anyway, by whom and when. Frozen
 * into the signed snapshot and printed on every export under 签署说明.
 */
public record Acknowledgement(String code, Long rowId, String reason, String by, Instant at) {
}
