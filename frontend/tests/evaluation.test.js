import { describe, expect, test } from 'vitest'
import zh from '../src/locales/zh-CN.json'
import en from '../src/locales/en.json'
import {
  CHECK_CODES, DEFAULT_POLICY, DEFAULT_QUALITY_WEIGHTS, EVALUATION_STATUSES, policyForRequest, weightsSum, GRADES, POLICY_OPTIONS, addToDay, blockingChecks, checkTagType, defaultPeriod,
  evidenceFields, orderRows, parseActual, periodInstants, plainNumber, policyHintKey, policyLabelKey, policyLines, rowPatch, runSpans,
  scoreDisplay, sortChecks, tableSpanMethod, checkFamily, checkKey, checkTitleKey, isPendingRow, provisionalState, rowEditBody, signBody,
  signPlan, summaryAcknowledgements,
} from '../src/lib/evaluation.js'
import { compareCells, sortAndPage } from '../src/composables/useClientPage.js'

const get = (obj, path) => path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj)

// The reference template's 14 rows in table order (level1/level2 only).
const ROWS = [
  ['BUDGET', 'BUDGET_EXECUTION'],
  ['OUTPUT', 'QUANTITY'], ['OUTPUT', 'QUANTITY'], ['OUTPUT', 'QUANTITY'], ['OUTPUT', 'QUANTITY'], ['OUTPUT', 'QUANTITY'],
  ['OUTPUT', 'QUALITY'], ['OUTPUT', 'QUALITY'],
  ['OUTPUT', 'TIMELINESS'],
  ['OUTPUT', 'COST'],
  ['BENEFIT', 'SOCIAL'], ['BENEFIT', 'SOCIAL'],
  ['BENEFIT', 'ECOLOGICAL'],
  ['BENEFIT', 'SUSTAINABILITY'],
  ['SATISFACTION', 'SATISFACTION'],
].map(([level1, level2], i) => ({ id: 100 + i, seq: i + 1, level1, level2 }))

describe('official table layout (span-method)', () => {
  test('runs of equal keys: the first row spans the run, the others are hidden', () => {
    expect(runSpans([{ k: 'a' }, { k: 'a' }, { k: 'b' }, { k: 'a' }], (r) => r.k)).toEqual([2, 0, 1, 1])
    expect(runSpans([], (r) => r.k)).toEqual([])
  })

  test('level 1 merges over its rows', () => {
    const span = tableSpanMethod(ROWS)
    const col0 = ROWS.map((r, rowIndex) => span({ row: r, rowIndex, columnIndex: 0 }))
    expect(col0[0]).toEqual([1, 1]) // 预算执行率
    expect(col0[1]).toEqual([9, 1]) // 产出指标: 5 数量 + 2 质量 + 时效 + 成本
    expect(col0.slice(2, 10)).toEqual(Array(8).fill([0, 0]))
    expect(col0[10]).toEqual([4, 1]) // 效益指标
    expect(col0[14]).toEqual([1, 1]) // 满意度指标
  })

  test('level 2 merges within its level 1', () => {
    const span = tableSpanMethod(ROWS)
    const col1 = ROWS.map((r, rowIndex) => span({ row: r, rowIndex, columnIndex: 1 }))
    expect(col1.map((s) => s[0])).toEqual([1, 5, 0, 0, 0, 0, 2, 0, 1, 1, 2, 0, 1, 1, 1])
    // the same level2 name under another level1 is not merged with it
    const odd = [{ level1: 'A', level2: 'X' }, { level1: 'B', level2: 'X' }]
    const s = tableSpanMethod(odd)
    expect([s({ rowIndex: 0, columnIndex: 1 }), s({ rowIndex: 1, columnIndex: 1 })]).toEqual([[1, 1], [1, 1]])
  })

  test('other columns are never merged', () => {
    const span = tableSpanMethod(ROWS)
    for (let c = 2; c < 9; c++) expect(span({ rowIndex: 3, columnIndex: c })).toEqual([1, 1])
  })

  test('rows are shown in seq order', () => {
    expect(orderRows([{ seq: 3 }, { seq: 1 }, { seq: 2 }]).map((r) => r.seq)).toEqual([1, 2, 3])
  })
})

describe('score display', () => {
  test('without an override: the score (trailing zeros dropped as the exports print it)', () => {
    expect(scoreDisplay({ score: 4.0, computedScore: 4.0, overrideScore: null })).toEqual({ overridden: false, score: '4', computed: '4', reason: '' })
    expect(scoreDisplay({ score: 3.97, computedScore: 3.97 })).toMatchObject({ overridden: false, score: '3.97' })
    expect(scoreDisplay({ score: null, computedScore: null })).toMatchObject({ score: '', computed: '' })
  })

  test('with an override: both numbers and the reason', () => {
    expect(scoreDisplay({ score: 3, computedScore: 4.5, overrideScore: 3, overrideReason: '部分设备未验收' })).toEqual({
      overridden: true, score: '3', computed: '4.5', reason: '部分设备未验收',
    })
    expect(scoreDisplay({ score: 0, computedScore: 5, overrideScore: 0, overrideReason: 'x' })).toMatchObject({ overridden: true, score: '0' })
  })

  test('plainNumber', () => {
    expect(plainNumber(84.0)).toBe('84')
    expect(plainNumber('79.40')).toBe('79.4')
    expect(plainNumber(null)).toBe('')
    expect(plainNumber('abc')).toBe('')
  })
})

describe('checks', () => {
  const checks = [
    { code: 'WEIGHTS_TOTAL', severity: 'ERROR', passed: true },
    { code: 'COVERAGE', severity: 'WARNING', passed: false, rowId: 7 },
    { code: 'LEVEL1_WEIGHT_OUTPUT', severity: 'ERROR', passed: false },
    { code: 'ACTUAL_MISSING', severity: 'WARNING', passed: false, rowId: 11 },
    { code: 'SCORE_WITHIN_WEIGHT', severity: 'ERROR', passed: false },
  ]

  test('failed errors first, then failed warnings, then passed; stable', () => {
    expect(sortChecks(checks).map((c) => c.code)).toEqual(['LEVEL1_WEIGHT_OUTPUT', 'SCORE_WITHIN_WEIGHT', 'COVERAGE', 'ACTUAL_MISSING', 'WEIGHTS_TOTAL'])
    expect(checks[0].code).toBe('WEIGHTS_TOTAL') // input untouched
  })

  test('tag colours and blocking', () => {
    expect(checks.map(checkTagType)).toEqual(['success', 'warning', 'danger', 'warning', 'danger'])
    expect(blockingChecks(checks).map((c) => c.code)).toEqual(['LEVEL1_WEIGHT_OUTPUT', 'SCORE_WITHIN_WEIGHT'])
  })
})

describe('policy', () => {
  test('defaults are the first choice of each field', () => {
    for (const [field, choices] of Object.entries(POLICY_OPTIONS)) expect(DEFAULT_POLICY[field]).toBe(choices[0])
  })

  test('every choice has a label and a plain explanation in both languages', () => {
    for (const [field, choices] of Object.entries(POLICY_OPTIONS)) {
      for (const locale of [zh, en]) {
        expect(get(locale, `evaluation.policy.${field}.label`), field).toBeTypeOf('string')
        for (const c of choices) {
          expect(get(locale, policyLabelKey(field, c)), c).toBeTypeOf('string')
          expect(get(locale, policyHintKey(field, c)), c).toBeTypeOf('string')
        }
      }
    }
    expect(get(zh, policyLabelKey('maintenance', 'EXCLUDE'))).toBe('从分母中扣除')
    expect(get(zh, policyLabelKey('qualityMetric', 'ONLINE_RATE'))).toBe('在线率')
  })

  test('printed policy lines fill in defaults, in fixed order', () => {
    expect(policyLines({ unknown: 'COUNT_AS_DOWN' })).toEqual([
      { field: 'maintenance', value: 'EXCLUDE', key: 'evaluation.policy.maintenance.EXCLUDE' },
      { field: 'unknown', value: 'COUNT_AS_DOWN', key: 'evaluation.policy.unknown.COUNT_AS_DOWN' },
      { field: 'qualityMetric', value: 'AVAILABILITY', key: 'evaluation.policy.qualityMetric.AVAILABILITY' },
    ])
  })

  test('enumerations the API answers are translated', () => {
    for (const s of EVALUATION_STATUSES) expect(get(zh, `evaluation.statuses.${s}`), s).toBeTypeOf('string')
    for (const g of GRADES) expect(get(zh, `evaluation.grades.${g}`), g).toBeTypeOf('string')
    for (const c of CHECK_CODES) {
      for (const passed of [true, false]) {
        expect(get(zh, checkTitleKey({ code: c, passed })), c).toBeTypeOf('string')
        expect(get(en, checkTitleKey({ code: c, passed })), c).toBeTypeOf('string')
      }
    }
    for (const s of ['COMPUTED', 'MANUAL']) expect(get(zh, `evaluation.source.${s}`), s).toBeTypeOf('string')
    for (const s of ['ERROR', 'WARNING']) expect(get(zh, `evaluation.severity.${s}`), s).toBeTypeOf('string')
    expect(zh.evaluation.grades.EXCELLENT).toBe('优')
  })
})

describe('default period', () => {
  test('the reference project: the first service year after completion', () => {
    expect(defaultPeriod({ actualEnd: '2021-08-24', plannedEnd: '2021-06-30' })).toEqual({ from: '2021-08-24', to: '2022-08-23' })
  })

  test('planned end when not completed; the last year without dates', () => {
    expect(defaultPeriod({ actualEnd: null, plannedEnd: '2023-01-01' })).toEqual({ from: '2023-01-01', to: '2023-12-31' })
    expect(defaultPeriod(null, '2025-03-10')).toEqual({ from: '2024-03-10', to: '2025-03-09' })
  })

  test('calendar arithmetic: month ends, leap days, year ends', () => {
    expect(addToDay('2020-02-29', { years: 1 })).toBe('2021-02-28')
    expect(defaultPeriod({ actualEnd: '2020-02-29' })).toEqual({ from: '2020-02-29', to: '2021-02-27' })
    expect(defaultPeriod({ actualEnd: '2021-01-01' })).toEqual({ from: '2021-01-01', to: '2021-12-31' })
    expect(addToDay('nonsense', { days: 1 })).toBe(null)
  })

  test('period instants are whole days in China time', () => {
    expect(periodInstants('2021-08-24', '2022-08-23')).toEqual({ from: '2021-08-23T16:00:00.000Z', to: '2022-08-23T16:00:00.000Z' })
    expect(periodInstants('2021-08-24', '2021-08-24', 0)).toEqual({ from: '2021-08-24T00:00:00.000Z', to: '2021-08-25T00:00:00.000Z' })
  })
})

describe('inline edits', () => {
  test('actuals: empty clears, numbers parse, anything else is invalid', () => {
    expect(parseActual('')).toBe(null)
    expect(parseActual(' 95.5 ')).toBe(95.5)
    expect(parseActual('1,000')).toBe(1000)
    expect(parseActual('九十')).toBe(undefined)
  })

  test('only changed fields are sent', () => {
    const row = { actual: 90, note: 'a' }
    expect(rowPatch(row, { actual: '90', note: 'a' })).toEqual({})
    expect(rowPatch(row, { actual: '95', note: 'a' })).toEqual({ actual: 95 })
    expect(rowPatch(row, { actual: '', note: 'b' })).toEqual({ actual: null, note: 'b' })
    expect(rowPatch({ actual: null, note: null }, { actual: '', note: '' })).toEqual({})
    expect(rowPatch(row, { actual: 'x', note: 'a' })).toEqual({})
  })

  test('evidence fields in order of first appearance', () => {
    expect(evidenceFields([{ budget: 1, spent: 2 }, { spent: 3, extra: 4 }])).toEqual(['budget', 'spent', 'extra'])
  })
})

describe('pending rows and the provisional total', () => {
  test('a row is pending with neither an actual nor an override', () => {
    expect(isPendingRow({ actual: null, overrideScore: null })).toBe(true)
    expect(isPendingRow({ actual: 0 })).toBe(false)
    expect(isPendingRow({ actual: null, overrideScore: 3 })).toBe(false)
  })

  test('the summary decides when it says; else the rows are counted', () => {
    const rows = [{ actual: null }, { actual: 5 }, { actual: null, overrideScore: 0 }]
    expect(provisionalState({}, rows)).toEqual({ provisional: true, pendingRows: 1 })
    expect(provisionalState({ provisional: false, pendingRows: 0 }, rows)).toEqual({ provisional: false, pendingRows: 0 })
    expect(provisionalState(null, [{ actual: 1 }])).toEqual({ provisional: false, pendingRows: 0 })
  })

  test('acknowledgements are read from the summary or its header', () => {
    const a = [{ code: 'ACTUAL_MISSING', rowId: 1, reason: 'r' }]
    expect(summaryAcknowledgements({ acknowledgements: a })).toBe(a)
    expect(summaryAcknowledgements({ evaluation: { acknowledgements: a } })).toBe(a)
    expect(summaryAcknowledgements({ evaluation: {} })).toEqual([])
  })
})

describe('checks in words and the sign request', () => {
  const checks = [
    { code: 'COVERAGE', severity: 'WARNING', passed: true, rowId: 3 },
    { code: 'ACTUAL_MISSING', severity: 'WARNING', passed: false, rowId: 11 },
    { code: 'LEVEL1_WEIGHT_OUTPUT', severity: 'ERROR', passed: false, rowId: null },
    { code: 'ACTUAL_MISSING', severity: 'WARNING', passed: false, rowId: 12 },
  ]

  test('titles state the problem when failed, per family', () => {
    expect(checkFamily('LEVEL1_WEIGHT_BENEFIT')).toBe('LEVEL1_WEIGHT')
    expect(get(zh, checkTitleKey({ code: 'ACTUAL_MISSING', passed: false }))).toBe('实际完成值未填写')
    expect(get(zh, checkTitleKey({ code: 'ACTUAL_MISSING', passed: true }))).toBe('实际完成值已填写')
    expect(checkKey(checks[1])).not.toBe(checkKey(checks[3]))
  })

  test('errors block; every open warning needs a reason', () => {
    const plan = signPlan(checks)
    expect(plan.errors.map((c) => c.code)).toEqual(['LEVEL1_WEIGHT_OUTPUT'])
    expect(plan.warnings.map((c) => c.rowId)).toEqual([11, 12])
    const { body, missing } = signBody(plan.warnings, { [checkKey(checks[1])]: '  问卷尚未回收  ' }, true)
    expect(body).toEqual({
      acknowledgements: [
        { code: 'ACTUAL_MISSING', rowId: 11, reason: '问卷尚未回收' },
        { code: 'ACTUAL_MISSING', rowId: 12, reason: '' },
      ],
      syntheticAccepted: true,
    })
    expect(missing.map((c) => c.rowId)).toEqual([12])
    expect(signBody([], {}, false)).toEqual({ body: { acknowledgements: [], syntheticAccepted: false }, missing: [] })
  })
})

describe('the row drawer', () => {
  const row = { actual: null, note: '', weight: 5, overrideScore: null, overrideReason: null }
  test('actual, note and override in one body; only what changed', () => {
    expect(rowEditBody(row, { actual: '90', note: 'n', overrideScore: '', overrideReason: '' })).toEqual({ body: { actual: 90, note: 'n' } })
    expect(rowEditBody(row, { actual: '', note: '', overrideScore: '4.5', overrideReason: ' 经批准 ' })).toEqual({
      body: { overrideScore: 4.5, overrideReason: '经批准' },
    })
    const overridden = { ...row, overrideScore: 4.5, overrideReason: '经批准' }
    expect(rowEditBody(overridden, { actual: '', note: '', overrideScore: '4.5', overrideReason: '经批准' })).toEqual({ body: {} })
    expect(rowEditBody(overridden, { actual: '', note: '', overrideScore: '', overrideReason: '经批准' })).toEqual({
      body: { overrideScore: null, overrideReason: null },
    })
  })

  test('what is wrong instead of a body', () => {
    expect(rowEditBody(row, { actual: 'x', note: '', overrideScore: '' })).toEqual({ error: 'actual' })
    expect(rowEditBody(row, { actual: '', note: '', overrideScore: '6', overrideReason: 'r' })).toEqual({ error: 'overrideRange' })
    expect(rowEditBody(row, { actual: '', note: '', overrideScore: '-1', overrideReason: 'r' })).toEqual({ error: 'overrideRange' })
    expect(rowEditBody(row, { actual: '', note: '', overrideScore: '3', overrideReason: ' ' })).toEqual({ error: 'overrideReason' })
  })
})

describe('paged tables in the evidence drawer', () => {
  const items = [{ a: 3, n: '乙' }, { a: null, n: '甲' }, { a: 10, n: '丙' }, { a: 2, n: '丁' }]
  test('sorting applies to the whole list before paging', () => {
    expect(sortAndPage(items, { prop: 'a', order: 'descending' }, 1, 2).map((x) => x.a)).toEqual([10, 3])
    expect(sortAndPage(items, { prop: 'a', order: 'ascending' }, 1, 2).map((x) => x.a)).toEqual([null, 2])
    expect(sortAndPage(items, null, 2, 3)).toEqual([items[3]])
  })
  test('numbers compare as numbers, text as text', () => {
    expect(compareCells(10, 9)).toBeGreaterThan(0)
    expect(compareCells('10', '9')).toBeGreaterThan(0)
    expect(compareCells('b', 'a')).toBeGreaterThan(0)
    expect(compareCells(null, 0)).toBeLessThan(0)
  })
})

describe('quality weights', () => {
  test('the default composite is 0.6 / 0.2 / 0.2 and sums to 1', () => {
    expect(weightsSum(DEFAULT_QUALITY_WEIGHTS)).toBe(1)
    expect(weightsSum({ onlineRate: 0.1, recordingCompleteness: 0.2, imageIntactness: 0.3 })).toBe(0.6)
    expect(weightsSum({ onlineRate: 0.5 })).toBe(0.5)
  })

  test('the weights are sent only with COMPOSITE', () => {
    expect(policyForRequest({ ...DEFAULT_POLICY, qualityMetric: 'RECORDING_COMPLETENESS' }, DEFAULT_QUALITY_WEIGHTS))
      .toEqual({ maintenance: 'EXCLUDE', unknown: 'EXCLUDE', qualityMetric: 'RECORDING_COMPLETENESS' })
    expect(policyForRequest({ ...DEFAULT_POLICY, qualityMetric: 'COMPOSITE' }, { onlineRate: 0.5, recordingCompleteness: 0.25, imageIntactness: 0.25 }).qualityWeights)
      .toEqual({ onlineRate: 0.5, recordingCompleteness: 0.25, imageIntactness: 0.25 })
  })

  test('the weight inputs are labelled in both languages', () => {
    for (const locale of [zh, en]) {
      for (const k of [...Object.keys(DEFAULT_QUALITY_WEIGHTS), 'label', 'sum', 'printed']) {
        expect(get(locale, `evaluation.policy.qualityMetric.weights.${k}`), k).toBeTypeOf('string')
      }
    }
  })
})
