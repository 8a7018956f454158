package org.xueliang.tracker.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything an evaluation shows: header, the budget block, the scored rows with their evidence, the
 * checks, total and grade, the report sections, the header block an evaluator writes, the
 * acknowledgements of open warnings given at sign-off (签署说明), and whether its period touches
 * synthetic (demo) data. A signed evaluation freezes exactly this as its snapshot (JSON) and prints
 * the snapshot's SHA-256; exports of a signed evaluation read the snapshot.
 */
public record EvaluationDocument(EvaluationHeader header, Budget budget, List<TableRow> rows, List<RowEvidence> evidence,
                                 List<Check> checks, BigDecimal totalWeight, BigDecimal totalScore, Grade grade,
                                 List<ReportSection> report, ReportHeader reportHeader, List<Acknowledgement> acknowledgements,
                                 boolean synthetic) {

    public EvaluationDocument {
        reportHeader = reportHeader == null ? ReportHeader.EMPTY : reportHeader;
        acknowledgements = acknowledgements == null ? List.of() : List.copyOf(acknowledgements);
    }

    /** 项目资金: 全年预算数, 全年执行数, 执行率 (percent), and the 预算执行率 row's weight and score. */
    public record Budget(BigDecimal budget, BigDecimal spent, BigDecimal executionRatePct, BigDecimal weight, BigDecimal score) {
    }

    public record RowEvidence(Long rowId, Evidence evidence) {
    }
}
