import { describe, expect, test } from 'vitest'
import ChecksPanel from '../../src/views/evaluation/ChecksPanel.vue'
import { mountIn } from './mount.js'
import { CHECKS, ERROR_CHECK, ROWS } from './fixtures.js'

const lines = (w) => w.findAll('[data-testid="evaluation-checks"] li')

describe('the checks panel', () => {
  test("each check's title and message as the API words them, failed first, errors before warnings", async () => {
    const w = await mountIn(ChecksPanel, { checks: [...CHECKS, ERROR_CHECK], rows: ROWS })
    const li = lines(w)
    expect(li.map((l) => [l.attributes('data-code'), l.attributes('data-passed')])).toEqual([
      ['LEVEL1_WEIGHT_OUTPUT', 'false'],
      ['ACTUAL_MISSING', 'false'],
      ['ACTUAL_MISSING', 'false'],
      ['COVERAGE', 'true'],
      ['WEIGHTS_TOTAL', 'true'],
    ])
    expect(li[0].find('.check-title').text()).toBe('一级指标分值与模板不符')
    expect(li[0].text()).toContain('产出指标分值 45，模板为 50。')
    expect(li[1].find('.check-title').text()).toBe('实际完成值未填写')
    expect(li[1].text()).toContain('可防性案件发案率下降') // the row it concerns
    expect(li[1].text()).toContain('“可防性案件发案率下降”尚无实际完成值。')
    // severity as a word in a tag, never the code
    expect(li[0].find('.el-tag').text()).toBe('错误')
    expect(li[1].find('.el-tag').text()).toBe('提醒')
    expect(li[3].find('.el-tag').text()).toBe('通过')
    expect(w.text()).not.toMatch(/\bERROR\b|\bWARNING\b/)
    expect(w.find('[data-testid="checks-count"]').text()).toBe('3 项未通过')
    w.unmount()
  })

  test('a row is named once: beside the title only when the message does not quote it', async () => {
    const unquoted = { ...CHECKS[1], message: '由评价人员填写。' }
    const w = await mountIn(ChecksPanel, { checks: [CHECKS[1], unquoted], rows: ROWS })
    const [quoted, plain] = lines(w)
    expect(quoted.text().split('可防性案件发案率下降').length - 1).toBe(1)
    expect(plain.text()).toContain('（可防性案件发案率下降）')
    w.unmount()
  })

  test("without the API's words (an older server) the UI titles state the problem", async () => {
    const bare = CHECKS.map(({ code, severity, passed, rowId }) => ({ code, severity, passed, rowId, message: '' }))
    const w = await mountIn(ChecksPanel, { checks: bare, rows: ROWS }, { locale: 'en' })
    const li = lines(w)
    expect(li[0].find('.check-title').text()).toBe('Actual value not entered')
    expect(li[0].find('.el-tag').text()).toBe('warning')
    expect(li[2].find('.check-title').text()).toBe('Low monitoring coverage, reason given')
    w.unmount()
  })
})
