// The 绩效评价 workspace's pure logic (SPEC §6, docs/EVALUATION.md): the official table's merged
// cells, score display with overrides, check ordering, policy choices and the default period.
// The UI never computes a score itself; it only arranges what the API answers.

/** Accounting policy choices, in display order; the first of each is the backend's default. */
export const POLICY_OPTIONS = Object.freeze({
  maintenance: ['EXCLUDE', 'COUNT_AS_UP'],
  unknown: ['EXCLUDE', 'COUNT_AS_DOWN'],
  qualityMetric: ['AVAILABILITY', 'ONLINE_RATE', 'RECORDING_COMPLETENESS', 'IMAGE_INTACTNESS', 'COMPOSITE'],
})

export const DEFAULT_POLICY = Object.freeze({ maintenance: 'EXCLUDE', unknown: 'EXCLUDE', qualityMetric: 'AVAILABILITY' })

/** The COMPOSITE quality measure's weights (在线率, 录像完整率, 图像完好率), in display order; the backend's default. */
export const DEFAULT_QUALITY_WEIGHTS = Object.freeze({ onlineRate: 0.6, recordingCompleteness: 0.2, imageIntactness: 0.2 })

/** Σ of the weights, rounded to 4 places (so 0.1 + 0.2 reads 0.3); the backend wants 1. */
export function weightsSum(w) {
  const sum = Object.keys(DEFAULT_QUALITY_WEIGHTS).reduce((s, k) => s + (Number(w?.[k]) || 0), 0)
  return Math.round(sum * 10000) / 10000
}

/** The policy to send: the weights only with COMPOSITE. */
export function policyForRequest(policy, weights) {
  const p = { ...policy }
  delete p.qualityWeights
  if (p.qualityMetric === 'COMPOSITE') p.qualityWeights = { ...DEFAULT_QUALITY_WEIGHTS, ...(weights || {}) }
  return p
}

export const EVALUATION_STATUSES = ['DRAFT', 'FINAL', 'SUPERSEDED']
export const GRADES = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR']
export const CHECK_CODES = [
  'WEIGHTS_TOTAL', 'LEVEL1_WEIGHT_BUDGET', 'LEVEL1_WEIGHT_OUTPUT', 'LEVEL1_WEIGHT_BENEFIT', 'LEVEL1_WEIGHT_SATISFACTION',
  'SCORE_WITHIN_WEIGHT', 'STATED_TOTAL', 'COVERAGE', 'ACTUAL_MISSING',
]
export const EVIDENCE_KINDS = ['DEVICES', 'AVAILABILITY', 'DATES', 'AMOUNTS', 'NONE']

/** i18n keys of one policy choice: its label and its one-line explanation. */
export function policyLabelKey(field, value) {
  return `evaluation.policy.${field}.${value}`
}
export function policyHintKey(field, value) {
  return `evaluation.policy.${field}.${value}Hint`
}

/** The policy as printed in the header: `[{field, value, key}]` in the fixed order, defaults filled in. */
export function policyLines(policy) {
  const p = { ...DEFAULT_POLICY, ...(policy || {}) }
  return Object.keys(POLICY_OPTIONS).map((field) => ({ field, value: p[field], key: policyLabelKey(field, p[field]) }))
}

export function statusTagType(status) {
  return status === 'FINAL' ? 'success' : status === 'SUPERSEDED' ? 'info' : 'warning'
}

export function gradeTagType(grade) {
  return { EXCELLENT: 'success', GOOD: 'primary', FAIR: 'warning', POOR: 'danger' }[grade] || 'info'
}

// ------------------------------------------------------------------ dates
function parseDay(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s || ''))
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
}
function day(d) {
  return d.toISOString().slice(0, 10)
}
/** YYYY-MM-DD plus `years` years and `days` days (calendar arithmetic in UTC, no time zone drift). */
export function addToDay(s, { years = 0, days = 0 } = {}) {
  const d = parseDay(s)
  if (!d) return null
  const y = new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate()))
  // 29 Feb + 1 year → 28 Feb (not 1 Mar)
  if (y.getUTCMonth() !== d.getUTCMonth()) y.setUTCDate(0)
  y.setUTCDate(y.getUTCDate() + days)
  return day(y)
}

/**
 * The default evaluation period: the first service year after completion — from the project's
 * actual end (else its planned end) to one year later minus one day. Without dates: the year up to
 * yesterday. 2021-08-24 → {from: '2021-08-24', to: '2022-08-23'}.
 */
export function defaultPeriod(project, todayStr = day(new Date())) {
  const start = (project && (parseDay(project.actualEnd) ? project.actualEnd : parseDay(project.plannedEnd) ? project.plannedEnd : null)) || null
  if (start) return { from: start, to: addToDay(start, { years: 1, days: -1 }) }
  return { from: addToDay(todayStr, { years: -1 }), to: addToDay(todayStr, { days: -1 }) }
}

/** ISO instants bounding a period of whole days [from 00:00, to + 1 day 00:00) in the given UTC offset (China: +8 h). */
export function periodInstants(from, to, offsetMinutes = 480) {
  const a = parseDay(from)
  const b = parseDay(addToDay(to, { days: 1 }))
  if (!a || !b) return null
  const shift = offsetMinutes * 60000
  return { from: new Date(a.getTime() - shift).toISOString(), to: new Date(b.getTime() - shift).toISOString() }
}

// ------------------------------------------------------------------ the table
/**
 * Row spans for one grouping key over consecutive rows: the first row of each run gets the run's
 * length, the others 0 (hidden). `key(row)` gives the group; `parent(row)` (optional) breaks runs too.
 */
export function runSpans(rows, key) {
  const spans = new Array(rows.length).fill(0)
  let i = 0
  while (i < rows.length) {
    let j = i + 1
    while (j < rows.length && key(rows[j]) === key(rows[i])) j++
    spans[i] = j - i
    i = j
  }
  return spans
}

/**
 * ElTable `span-method` merging column 0 (一级指标) over runs of the same level1 and column 1
 * (二级指标) over runs of the same level1 + level2, as in the official 自评表.
 */
export function tableSpanMethod(rows) {
  const level1 = runSpans(rows, (r) => r.level1)
  const level2 = runSpans(rows, (r) => `${r.level1}/${r.level2}`)
  return ({ rowIndex, columnIndex }) => {
    if (columnIndex === 0) return level1[rowIndex] ? [level1[rowIndex], 1] : [0, 0]
    if (columnIndex === 1) return level2[rowIndex] ? [level2[rowIndex], 1] : [0, 0]
    return [1, 1]
  }
}

/** Rows in table order (seq). */
export function orderRows(rows) {
  return [...(rows || [])].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
}

function isNum(v) {
  return v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v))
}

/** A decimal as the exports print it: trailing zeros dropped (84.50 → "84.5"), null → "". */
export function plainNumber(v) {
  return isNum(v) ? String(Number(v)) : ''
}

/**
 * What the 得分 cell shows: `{score, computed, overridden, reason}` — with an override the computed
 * score is shown struck through next to it, and both are kept.
 */
export function scoreDisplay(row) {
  const overridden = isNum(row && row.overrideScore)
  return {
    overridden,
    score: overridden ? plainNumber(row.overrideScore) : plainNumber(row && (isNum(row.score) ? row.score : row.computedScore)),
    computed: plainNumber(row && row.computedScore),
    reason: overridden ? row.overrideReason || '' : '',
  }
}

/** Failed ERROR checks first, then failed WARNINGs, then passed ones; stable within each group. */
export function sortChecks(checks) {
  const rank = (c) => (c.passed ? 2 : c.severity === 'ERROR' ? 0 : 1)
  return (checks || []).map((c, i) => [c, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([c]) => c)
}

/** ElTag type of a check: failed ERROR red, failed WARNING orange, passed green. */
export function checkTagType(check) {
  if (check.passed) return 'success'
  return check.severity === 'ERROR' ? 'danger' : 'warning'
}

export function blockingChecks(checks) {
  return (checks || []).filter((c) => !c.passed && c.severity === 'ERROR')
}

/** Parses an actual entered by hand: '' → null (clears), a number → Number, else undefined (invalid). */
export function parseActual(text) {
  const s = String(text ?? '').trim().replace(/[,，]/g, '')
  if (s === '') return null
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined
}

/** The PATCH body for an inline edit: only what changed (actual, note). */
export function rowPatch(row, draft) {
  const body = {}
  const actual = parseActual(draft.actual)
  const before = isNum(row.actual) ? Number(row.actual) : null
  if (actual !== undefined && actual !== before) body.actual = actual
  const note = String(draft.note ?? '')
  if (note !== String(row.note ?? '')) body.note = note
  return body
}

/** The keys of evidence items (dates, amounts) in the order they first appear. */
export function evidenceFields(items) {
  const keys = []
  for (const it of items || []) for (const k of Object.keys(it || {})) if (!keys.includes(k)) keys.push(k)
  return keys
}

// ------------------------------------------------------------------ pending rows, provisional grade
/** A row with neither an actual nor an override: 待填写. The backend counts the same rows (`pendingRows`). */
export function isPendingRow(row) {
  return !!row && !isNum(row.actual) && !isNum(row.overrideScore)
}

/**
 * Whether the total is provisional (暂计) and how many rows are pending: the summary's `provisional` /
 * `pendingRows` when the API sends them, else counted from the rows (an older server).
 */
export function provisionalState(summary, rows) {
  const counted = (rows || []).filter(isPendingRow).length
  const pendingRows = summary && Number.isFinite(summary.pendingRows) ? summary.pendingRows : counted
  const provisional = summary && typeof summary.provisional === 'boolean' ? summary.provisional : pendingRows > 0
  return { provisional, pendingRows }
}

/** The evaluation's acknowledgements (签署说明) wherever the summary carries them. */
export function summaryAcknowledgements(summary) {
  if (!summary) return []
  const list = summary.acknowledgements ?? (summary.evaluation && summary.evaluation.acknowledgements)
  return Array.isArray(list) ? list : []
}

// ------------------------------------------------------------------ checks in words
/** The check family (LEVEL1_WEIGHT_OUTPUT → LEVEL1_WEIGHT), as the backend's check titles are keyed. */
export function checkFamily(code) {
  return String(code || '').startsWith('LEVEL1_WEIGHT_') ? 'LEVEL1_WEIGHT' : String(code || '')
}

/** The UI's own title key of a check (used when the API sends no `title`): the problem when failed. */
export function checkTitleKey(check) {
  return `evaluation.checkTitle.${checkFamily(check.code)}.${check.passed ? 'ok' : 'problem'}`
}

/** One key per check in a list: the code and the row (a code repeats once per row). */
export function checkKey(check) {
  return `${check.code}:${check.rowId ?? ''}`
}

/**
 * What signing needs: the failed ERRORs (they block) and the failed WARNINGs (each needs a reason).
 */
export function signPlan(checks) {
  const failed = sortChecks(checks).filter((c) => !c.passed)
  return { errors: failed.filter((c) => c.severity === 'ERROR'), warnings: failed.filter((c) => c.severity !== 'ERROR') }
}

/**
 * The POST /sign body: one acknowledgement per open warning with its reason (trimmed), and whether the
 * signer accepted the synthetic-data notice. `missing` lists the warnings without a reason yet.
 */
export function signBody(warnings, reasons, syntheticAccepted) {
  const acknowledgements = (warnings || []).map((c) => ({
    code: c.code, rowId: c.rowId ?? null, reason: String((reasons || {})[checkKey(c)] ?? '').trim(),
  }))
  return {
    body: { acknowledgements, syntheticAccepted: !!syntheticAccepted },
    missing: (warnings || []).filter((c, i) => !acknowledgements[i].reason),
  }
}

// ------------------------------------------------------------------ editing one row (drawer)
/**
 * The PATCH body of the row drawer: the changed actual and note (`rowPatch`) plus the override when it
 * changed. `error` names what is wrong instead: 'actual' (not a number), 'overrideRange' (outside
 * 0…weight) or 'overrideReason' (a score without a reason). An emptied score clears the override.
 */
export function rowEditBody(row, form) {
  if (parseActual(form.actual) === undefined) return { error: 'actual' }
  const body = rowPatch(row, form)
  const score = parseActual(form.overrideScore)
  const reason = String(form.overrideReason ?? '').trim()
  const before = isNum(row.overrideScore) ? Number(row.overrideScore) : null
  if (score === null) {
    if (before !== null) Object.assign(body, { overrideScore: null, overrideReason: null })
    return { body }
  }
  if (score === undefined || score < 0 || score > Number(row.weight)) return { error: 'overrideRange' }
  if (!reason) return { error: 'overrideReason' }
  if (score !== before || reason !== String(row.overrideReason ?? '')) Object.assign(body, { overrideScore: score, overrideReason: reason })
  return { body }
}
