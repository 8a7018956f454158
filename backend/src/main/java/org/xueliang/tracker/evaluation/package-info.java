/**
 * 项目支出绩效自评: evaluations of a project over a period under an accounting policy — the indicator
 * table (computed rows with formula and evidence, manual rows with the evaluator's note), scoring and
 * checks ({@link org.xueliang.tracker.evaluation.Scorer}, {@link org.xueliang.tracker.evaluation.EvaluationChecks},
 * plain Java), sign-off with a frozen SHA-256 snapshot, and the XLSX/DOCX/PDF exports. docs/EVALUATION.md.
 */
package org.xueliang.tracker.evaluation;
