import { describe, expect, test } from 'vitest'
import { reactive } from 'vue'
import EvaluationTable from '../../src/views/evaluation/EvaluationTable.vue'
import EvaluationScore from '../../src/views/evaluation/EvaluationScore.vue'
import { plainNumber } from '../../src/lib/evaluation.js'
import { mountIn } from './mount.js'
import { ROWS, SUMMARY } from './fixtures.js'

const drafts = () => reactive(Object.fromEntries(ROWS.map((r) => [r.id, { actual: plainNumber(r.actual), note: r.note || '' }])))
const tid = (w, id) => w.find(`[data-testid="${id}"]`)
// Element Plus puts an input's attributes on the <input> itself
const inputOf = (w, id) => w.find(`input[data-testid="${id}"], [data-testid="${id}"] input`)

describe('the 自评表', () => {
  test('rows with no value show 待填写; rows with one show it', async () => {
    const w = await mountIn(EvaluationTable, { rows: ROWS, editable: false })
    expect(tid(w, 'row-pending-12').text()).toBe('待填写')
    expect(tid(w, 'row-pending-14').text()).toBe('待填写')
    expect(tid(w, 'row-pending-11').exists()).toBe(false)
    expect(tid(w, 'row-actual-value-11').text()).toBe('99.06%')
    expect(tid(w, 'row-actual-value-13').text()).toBe('6%')
    // sources in words, never the code
    expect(w.text()).toContain('系统计算')
    expect(w.text()).toContain('人工填报')
    expect(w.text()).not.toMatch(/COMPUTED|MANUAL/)
    w.unmount()
  })

  test('while editable a manual row takes its actual inline and still says 待填写; no column is pinned', async () => {
    const w = await mountIn(EvaluationTable, { rows: ROWS, editable: true, drafts: drafts() })
    expect(tid(w, 'row-actual-12').exists()).toBe(true)
    expect(tid(w, 'row-pending-12').text()).toBe('待填写')
    expect(tid(w, 'row-edit-12').exists()).toBe(true)
    expect(w.findAll('.el-table-fixed-column--right, .el-table-fixed-column--left')).toHaveLength(0)
    w.unmount()
  })

  test('a typed value offers a save for that row; the parent hears which', async () => {
    const d = drafts()
    const w = await mountIn(EvaluationTable, { rows: ROWS, editable: true, drafts: d })
    expect(tid(w, 'row-save-12').exists()).toBe(false)
    await inputOf(w, 'row-actual-12').setValue('12.5')
    expect(d[12].actual).toBe('12.5')
    await tid(w, 'row-save-12').trigger('click')
    expect(w.emitted('save')[0][0].id).toBe(12)
    w.unmount()
  })

  test('headers in both languages, and they break only between words', async () => {
    const zh = await mountIn(EvaluationTable, { rows: ROWS })
    expect(zh.findAll('th').map((th) => th.text())).toEqual([
      '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '操作',
    ])
    zh.unmount()
    const en = await mountIn(EvaluationTable, { rows: ROWS }, { locale: 'en' })
    const headers = en.findAll('th').map((th) => th.text())
    expect(headers).toContain('Weight')
    expect(en.text()).toContain('computed by the system')
    // every column is wide enough for its longest header word at ~8 px a letter plus the cell padding
    const widths = en.findAll('.el-table__header colgroup col').map((c) => Number(c.attributes('width') || 0))
    expect(widths.filter(Boolean).length).toBeGreaterThanOrEqual(headers.length - 2)
    headers.forEach((h, i) => {
      const longest = Math.max(...h.split(/\s+/).map((x) => x.length))
      if (widths[i]) expect(widths[i], h).toBeGreaterThanOrEqual(longest * 8 + 24)
    })
    en.unmount()
  })
})

describe('the total and grade', () => {
  test('a fresh draft reads 暂计 with the current score, never a bare 差', async () => {
    const w = await mountIn(EvaluationScore, { summary: SUMMARY, provisional: true, pendingRows: 2 })
    expect(tid(w, 'evaluation-total').text()).toBe('59')
    expect(tid(w, 'evaluation-grade').text()).toBe('暂计')
    expect(tid(w, 'evaluation-grade').attributes('data-grade')).toBe('PROVISIONAL')
    expect(tid(w, 'evaluation-grade').classes()).not.toContain('el-tag--danger')
    expect(tid(w, 'evaluation-pending-hint').text()).toContain('2 项待填写')
    expect(w.text()).not.toContain('差')
    w.unmount()
  })

  test('once every row has a value the grade is shown', async () => {
    const w = await mountIn(EvaluationScore, { summary: { ...SUMMARY, totalScore: 84, grade: 'GOOD' }, provisional: false })
    expect(tid(w, 'evaluation-grade').text()).toBe('良')
    expect(tid(w, 'evaluation-pending-hint').exists()).toBe(false)
    w.unmount()
  })
})
