import { describe, expect, test, vi } from 'vitest'
import DeviceClockPanel from '../../src/views/ledger/DeviceClockPanel.vue'
import ClockOffendersCard from '../../src/views/status/ClockOffendersCard.vue'
import { mountIn, recordFetch } from './mount.js'

// jsdom has no canvas: the chart is checked through its option (tests/clock.test.js), not drawn here.
vi.mock('../../src/components/EChart.vue', () => ({ default: { props: ['option', 'height'], template: '<div data-testid="chart-stub" />' } }))

const now = Date.now()
const iso = (minutesAgo) => new Date(now - minutesAgo * 60000).toISOString()

describe('the 时钟 tab', () => {
  test('shows the latest offset per source against the threshold', async () => {
    const calls = recordFetch(() => ({
      body: {
        deviceId: 7, from: '2026-03-01', to: '2026-03-07', thresholdMs: 3000,
        latest: [
          { source: 'GB28181', at: iso(30), offsetMs: -10000, synthetic: false },
          { source: 'ONVIF', at: iso(10), offsetMs: 1200, synthetic: false },
        ],
        samples: [{ source: 'ONVIF', at: iso(10), offsetMs: 1200, synthetic: false }],
      },
    }))
    const w = await mountIn(DeviceClockPanel, { deviceId: 7 })
    expect(calls[0].url).toContain('/api/v1/devices/7/clock')
    expect(w.find('[data-testid="clock-threshold"]').text()).toBe('阈值 ±3.0 秒')
    const rows = w.findAll('[data-testid="clock-latest"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('国标')
    expect(rows[0].text()).toContain('−10.0 秒')
    expect(rows[0].text()).toContain('超限')
    expect(rows[1].text()).toContain('+1.2 秒')
    expect(rows[1].text()).toContain('正常')
    expect(w.find('[data-testid="clock-synthetic"]').exists()).toBe(false)
    w.unmount()
  })

  test('a device without samples says so', async () => {
    recordFetch(() => ({ body: { deviceId: 9, thresholdMs: 3000, latest: [], samples: [] } }))
    const w = await mountIn(DeviceClockPanel, { deviceId: 9 })
    expect(w.find('[data-testid="clock-none"]').text()).toContain('尚无时钟样本')
    w.unmount()
  })
})

describe('the 时钟准确率 card', () => {
  test('lists the offenders worst first, marked simulated when they are', async () => {
    const calls = recordFetch(() => ({
      body: {
        projectId: 1, camerasOverThreshold: 2,
        items: [{ deviceId: 5, assetTag: 'JS-CAM-005', name: '南门球机', siteName: '稷峰镇政府', thresholdMs: 3000, samples: 80,
          withinThreshold: 10, accuracy: 0.125, worst: { source: 'ONVIF', at: iso(60), offsetMs: 600000, synthetic: true },
          latest: { source: 'ONVIF', at: iso(5), offsetMs: 599000, synthetic: true } }],
      },
    }))
    const w = await mountIn(ClockOffendersCard, { projectId: 1 })
    expect(calls[0].url).toContain('/api/v1/projects/1/clock-offenders?limit=5')
    expect(w.find('[data-testid="clock-offenders-count"]').text()).toBe('共 2 台超限')
    expect(w.find('[data-testid="clock-offenders-table"]').text()).toContain('+600.0 秒')
    expect(w.text()).toContain('含模拟数据')
    w.unmount()
  })

  test('says when every clock was within', async () => {
    recordFetch(() => ({ body: { projectId: 1, camerasOverThreshold: 0, items: [] } }))
    const w = await mountIn(ClockOffendersCard, { projectId: 1 }, { locale: 'en' })
    expect(w.find('[data-testid="clock-offenders-none"]').text()).toContain('within the threshold')
    w.unmount()
  })
})
