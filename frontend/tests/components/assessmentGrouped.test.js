import { describe, expect, test } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import AssessmentGroupedIndicators from '../../src/views/assessment/AssessmentGroupedIndicators.vue'
import { mountIn, recordFetch } from './mount.js'

const sums = (key, label, ratio, cameras, measuredCameras) => ({ key, label, achieved: 0, expected: 0, ratio, cameras, measuredCameras })

describe('the 分组指标 section', () => {
  test('asks for every indicator by site and shows a ratio column each, with the project total', async () => {
    const calls = recordFetch(() => ({
      body: {
        projectId: 1, from: '2026-03-01', to: '2026-03-31', groupBy: 'site', synthetic: true,
        indicators: [
          { indicator: 'onlineRate', label: '在线率', total: sums('project', '稷山', 0.95, 3, 3),
            groups: [sums('11', '稷峰镇政府', 0.9, 2, 2), sums('12', '西社村', 1, 1, 1)] },
          { indicator: 'clockAccuracy', label: '时钟准确率', total: sums('project', '稷山', null, 3, 0),
            groups: [sums('11', '稷峰镇政府', null, 2, 0), sums('12', '西社村', null, 1, 0)] },
        ],
      },
    }))
    const w = await mountIn(AssessmentGroupedIndicators, { projectId: 1, month: '2026-03' })
    expect(calls[0].url).toBe('/api/v1/metrics/indicators?projectId=1&groupBy=site&month=2026-03')
    const table = w.find('[data-testid="grouped-table"]')
    expect(table.text()).toContain('在线率')
    expect(table.text()).toContain('时钟准确率')
    const rows = table.findAll('.el-table__body tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('稷峰镇政府')
    expect(rows[0].text()).toContain('90.00%')
    expect(rows[0].text()).toContain('未测')
    expect(table.find('.el-table__footer').text()).toContain('项目合计')
    expect(table.find('.el-table__footer').text()).toContain('95.00%')
    expect(w.find('[data-testid="grouped-synthetic"]').exists()).toBe(true)
    w.unmount()
  })

  test('one indicator by vendor asks for it and shows the measured cameras', async () => {
    const calls = recordFetch(() => ({
      body: {
        projectId: 1, from: '2026-03-01', to: '2026-03-31', groupBy: 'vendor', synthetic: false,
        indicators: [{ indicator: 'imageIntactness', label: '图像完好率', total: sums('project', '稷山', 0.6, 45, 3),
          groups: [sums('海康威视', '海康威视', 0.5, 44, 2), sums('-', '未填写', 1, 1, 1)] }],
      },
    }))
    const w = await mountIn(AssessmentGroupedIndicators, { projectId: 1, month: '2026-03' })
    await w.findAll('[data-testid="grouped-groupby"] input').find((i) => i.element.value === 'vendor').setValue(true)
    await flushPromises()
    await w.findAll('[data-testid="grouped-indicator"] input').find((i) => i.element.value === 'imageIntactness').setValue(true)
    await flushPromises()
    const last = calls[calls.length - 1].url
    expect(last).toContain('indicator=imageIntactness')
    expect(last).toContain('groupBy=vendor')
    const table = w.find('[data-testid="grouped-table"]')
    expect(table.text()).toContain('厂商')
    expect(table.text()).toContain('已测得（台）')
    expect(table.find('.el-table__footer').text()).toContain('45')
    expect(w.find('[data-testid="grouped-synthetic"]').exists()).toBe(false)
    w.unmount()
  })

  test('a slower answer to an earlier choice never replaces the answer to the latest one', async () => {
    const pending = []
    globalThis.fetch = (url) => new Promise((resolve) => pending.push({ url, resolve }))
    const answer = (groupBy, label) => new Response(JSON.stringify({
      projectId: 1, from: '2026-03-01', to: '2026-03-31', groupBy, synthetic: false,
      indicators: [{ indicator: 'onlineRate', label: '在线率', total: sums('project', '稷山', 0.5, 2, 2),
        groups: [sums(label, label, 0.5, 2, 2)] }],
    }), { status: 200, headers: { 'content-type': 'application/json' } })
    const w = await mountIn(AssessmentGroupedIndicators, { projectId: 1, month: '2026-03' })
    pending[0].resolve(answer('site', '稷峰镇政府'))
    await flushPromises()
    const choose = async (value) => {
      await w.findAll('[data-testid="grouped-groupby"] input').find((i) => i.element.value === value).setValue(true)
      await flushPromises()
    }
    await choose('vendor')
    await choose('device')
    expect(pending.map((p) => p.url.match(/groupBy=(\w+)/)[1])).toEqual(['site', 'vendor', 'device'])
    pending[2].resolve(answer('device', 'JS-XL1-FC-001'))
    await flushPromises()
    pending[1].resolve(answer('vendor', '海康威视')) // the earlier choice answers last
    await flushPromises()
    const table = w.find('[data-testid="grouped-table"]')
    expect(table.text()).toContain('JS-XL1-FC-001')
    expect(table.text()).not.toContain('海康威视')
    w.unmount()
  })
})
