// A fresh draft as the API answers it: a computed row with a value, a manual row still to fill in,
// a manual row with its actual, and a computed row the system had nothing for.
export const ROWS = [
  { id: 11, seq: 1, level1: 'OUTPUT', level1Label: '产出指标', level2: 'QUALITY', level2Label: '质量指标', name: '前端设备可用率',
    source: 'COMPUTED', target: 95, targetText: '95%', actual: 99.06, actualText: '99.06%', unit: '%', weight: 10, computedScore: 10,
    score: 10, overrideScore: null, overrideReason: null, formula: '可用率 = 正常时间 / 有效测量时间', note: '', coverage: 0.98 },
  { id: 12, seq: 2, level1: 'BENEFIT', level1Label: '效益指标', level2: 'SOCIAL', level2Label: '社会效益指标', name: '可防性案件发案率下降',
    source: 'MANUAL', target: 10, targetText: '10%', actual: null, actualText: '', unit: '%', weight: 5, computedScore: null,
    score: null, overrideScore: null, overrideReason: null, formula: null, note: null, coverage: null },
  { id: 13, seq: 3, level1: 'BENEFIT', level1Label: '效益指标', level2: 'SOCIAL', level2Label: '社会效益指标', name: '破案率提升',
    source: 'MANUAL', target: 5, targetText: '5%', actual: 6, actualText: '6%', unit: '%', weight: 5, computedScore: 5,
    score: 5, overrideScore: null, overrideReason: null, formula: null, note: '问卷', coverage: null },
  { id: 14, seq: 4, level1: 'OUTPUT', level1Label: '产出指标', level2: 'TIMELINESS', level2Label: '时效指标', name: '按期完工率',
    source: 'COMPUTED', target: 100, targetText: '100%', actual: null, actualText: '', unit: '%', weight: 5, computedScore: null,
    score: null, overrideScore: null, overrideReason: null, formula: '按期完工率 = …', note: null, coverage: null },
]

export const SUMMARY = {
  evaluation: { id: 5, projectName: '雪亮工程', version: 1, status: 'DRAFT', from: '2021-08-24', to: '2022-08-23', policy: {} },
  totalWeight: 100, totalScore: 59, grade: 'POOR', gradeLabel: '差', failedChecks: 3,
}

export const CHECKS = [
  { code: 'COVERAGE', severity: 'WARNING', passed: true, rowId: 11, title: '监测覆盖率不足，已说明原因', message: '覆盖率 98%。', severityLabel: '提醒' },
  { code: 'ACTUAL_MISSING', severity: 'WARNING', passed: false, rowId: 12, title: '实际完成值未填写', message: '“可防性案件发案率下降”尚无实际完成值。', severityLabel: '提醒' },
  { code: 'WEIGHTS_TOTAL', severity: 'ERROR', passed: true, rowId: null, title: '分值合计等于模板总分', message: '分值合计 100。', severityLabel: '错误' },
  { code: 'ACTUAL_MISSING', severity: 'WARNING', passed: false, rowId: 14, title: '实际完成值未填写', message: '“按期完工率”尚无实际完成值。', severityLabel: '提醒' },
]

export const ERROR_CHECK = { code: 'LEVEL1_WEIGHT_OUTPUT', severity: 'ERROR', passed: false, rowId: null, title: '一级指标分值与模板不符', message: '产出指标分值 45，模板为 50。', severityLabel: '错误' }
