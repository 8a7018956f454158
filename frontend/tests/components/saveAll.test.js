import { afterEach, describe, expect, test } from 'vitest'
import { ref } from 'vue'
import { useRowEdits } from '../../src/views/evaluation/useRowEdits.js'
import { recordFetch } from './mount.js'
import { ROWS } from './fixtures.js'

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
})

describe('保存全部', () => {
  test('PATCHes each changed row; failures are listed with the problem, the others saved', async () => {
    const calls = recordFetch((url, init) => {
      const body = JSON.parse(init.body)
      if (url.endsWith('/rows/13')) return { status: 422, body: { title: '无效输入', status: 422, errors: [{ field: 'actual', message: '实际完成值不能为负数' }] } }
      const row = ROWS.find((r) => url.endsWith(`/rows/${r.id}`))
      return { body: { ...row, ...body } }
    })
    const rows = ref(ROWS.map((r) => ({ ...r })))
    let refreshed = 0
    const edits = useRowEdits(() => 5, rows, { afterSave: async () => refreshed++, invalidText: () => '请输入数字' })
    edits.resetAll()
    expect(edits.changedRows.value).toEqual([])

    edits.drafts[12].actual = '12.5'
    edits.drafts[12].note = '问卷结果'
    edits.drafts[13].actual = '-3'
    edits.drafts[11].note = '覆盖率说明'
    edits.drafts[14].actual = '九十' // not a number: counted as changed, reported, never sent
    expect(edits.changedRows.value.map((r) => r.id)).toEqual([11, 12, 13, 14])

    expect(await edits.saveAll()).toEqual({ saved: 2, failed: 2 })
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      ['PATCH', '/api/v1/evaluations/5/rows/11', { note: '覆盖率说明' }],
      ['PATCH', '/api/v1/evaluations/5/rows/12', { actual: 12.5, note: '问卷结果' }],
      ['PATCH', '/api/v1/evaluations/5/rows/13', { actual: -3 }],
    ])
    expect(edits.failures.value).toEqual([
      { rowId: 13, name: '破案率提升', message: '实际完成值不能为负数' },
      { rowId: 14, name: '按期完工率', message: '请输入数字' },
    ])
    // saved rows take the server's answer; failed ones keep what was typed
    expect(rows.value.find((r) => r.id === 12).actual).toBe(12.5)
    expect(edits.drafts[13].actual).toBe('-3')
    expect(edits.changedRows.value.map((r) => r.id)).toEqual([13, 14])
    expect(refreshed).toBe(1)
  })
})
