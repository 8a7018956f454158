import { afterEach, describe, expect, test } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SignDialog from '../../src/views/evaluation/SignDialog.vue'
import { mountIn, recordFetch } from './mount.js'
import { CHECKS, ERROR_CHECK, ROWS, SUMMARY } from './fixtures.js'

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
  document.body.innerHTML = ''
})

const props = (over = {}) => ({ modelValue: true, evaluationId: 5, checks: CHECKS, rows: ROWS, synthetic: false, ...over })
const confirmButton = (w) => w.find('[data-testid="evaluation-sign-confirm"]')
const reasons = (w) => w.findAll('textarea[data-testid="sign-ack-reason"], [data-testid="sign-ack-reason"] textarea')

describe('the sign dialog', () => {
  test('an open error is listed and signing is disabled', async () => {
    const calls = recordFetch(() => ({ body: SUMMARY }))
    const w = await mountIn(SignDialog, props({ checks: [...CHECKS, ERROR_CHECK] }))
    const errors = w.find('[data-testid="sign-errors"]')
    expect(errors.text()).toContain('一级指标分值与模板不符')
    expect(errors.text()).toContain('产出指标分值 45，模板为 50。')
    expect(confirmButton(w).attributes('disabled')).toBeDefined()
    await confirmButton(w).trigger('click')
    await flushPromises()
    expect(calls).toHaveLength(0)
    w.unmount()
  })

  test('each open warning needs a reason; the request carries them as acknowledgements', async () => {
    const calls = recordFetch(() => ({ body: { ...SUMMARY, evaluation: { ...SUMMARY.evaluation, status: 'FINAL' } } }))
    const w = await mountIn(SignDialog, props())
    const acks = w.findAll('[data-testid="sign-warnings"] .ack')
    expect(acks.map((a) => a.attributes('data-row'))).toEqual(['12', '14'])
    expect(acks[0].text()).toContain('实际完成值未填写')
    expect(reasons(w)).toHaveLength(2)
    expect(confirmButton(w).attributes('disabled')).toBeUndefined()

    // one reason only: nothing is sent and the missing one is pointed out
    await reasons(w)[0].setValue('问卷尚未回收，按上年数据评价')
    await confirmButton(w).trigger('click')
    await flushPromises()
    expect(calls).toHaveLength(0)
    expect(acks[1].text()).toContain('请填写原因')
    expect(acks[0].text()).not.toContain('请填写原因')

    await reasons(w)[1].setValue('  工期数据待审计  ')
    await confirmButton(w).trigger('click')
    await flushPromises()
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe('/api/v1/evaluations/5/sign')
    expect(calls[0].method).toBe('POST')
    expect(calls[0].body).toEqual({
      acknowledgements: [
        { code: 'ACTUAL_MISSING', rowId: 12, reason: '问卷尚未回收，按上年数据评价' },
        { code: 'ACTUAL_MISSING', rowId: 14, reason: '工期数据待审计' },
      ],
      syntheticAccepted: false,
    })
    expect(w.emitted('signed')).toHaveLength(1)
    w.unmount()
  })

  test('simulated data: the notice and a required checkbox that sends syntheticAccepted', async () => {
    const calls = recordFetch(() => ({ body: SUMMARY }))
    const w = await mountIn(SignDialog, props({ checks: [CHECKS[0]], synthetic: true }))
    expect(w.find('[data-testid="synthetic-notice"]').text()).toContain('含模拟数据，不得用于正式报送')
    await confirmButton(w).trigger('click')
    await flushPromises()
    expect(calls).toHaveLength(0)
    expect(w.find('[data-testid="sign-synthetic-required"]').exists()).toBe(true)

    await w.find('[data-testid="sign-synthetic-accept"] input').setValue(true)
    await confirmButton(w).trigger('click')
    await flushPromises()
    expect(calls.map((c) => c.body)).toEqual([{ acknowledgements: [], syntheticAccepted: true }])
    w.unmount()
  })

  test("a 422 from the server lists the checks it refused on", async () => {
    recordFetch(() => ({
      status: 422,
      body: { title: '不能签署', status: 422, errors: [{ field: 'ACTUAL_MISSING', rowId: 14, message: '“按期完工率”的提醒未说明原因' }] },
    }))
    const w = await mountIn(SignDialog, props({ checks: [CHECKS[0]] }))
    await confirmButton(w).trigger('click')
    await flushPromises()
    const refused = w.find('[data-testid="evaluation-sign-errors"]')
    expect(refused.text()).toContain('实际完成值未填写')
    expect(refused.text()).toContain('按期完工率')
    expect(refused.text()).toContain('“按期完工率”的提醒未说明原因')
    expect(w.emitted('refused')).toHaveLength(1)
    expect(w.emitted('signed')).toBeUndefined()
    w.unmount()
  })
})
