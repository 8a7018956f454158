import { expect, test } from 'vitest'
import { beyond, clockChartOption, offsetSeconds } from '../src/lib/clock.js'

test('an offset is written in signed seconds with one decimal', () => {
  expect(offsetSeconds(12449)).toBe('+12.4')
  expect(offsetSeconds(-500)).toBe('−0.5')
  expect(offsetSeconds(-40)).toBe('0.0')
  expect(offsetSeconds(600000)).toBe('+600.0')
  expect(offsetSeconds(null)).toBeNull()
  expect(offsetSeconds('x')).toBeNull()
})

test('the threshold itself is within', () => {
  expect(beyond(3000, 3000)).toBe(false)
  expect(beyond(-3001, 3000)).toBe(true)
})

test('the chart has a line per source in seconds and the threshold at ±', () => {
  const samples = [
    { source: 'GB28181', at: '2026-03-02T02:00:00Z', offsetMs: -10000 },
    { source: 'ONVIF', at: '2026-03-02T03:00:00Z', offsetMs: 4000 },
    { source: 'ONVIF', at: '2026-03-02T01:00:00Z', offsetMs: 1000 },
  ]
  const labels = { seconds: '秒', threshold: '阈值', ONVIF: 'ONVIF', GB28181: '国标' }
  const o = clockChartOption(samples, 3000, '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z', labels)
  expect(o.series.map((s) => s.name)).toEqual(['ONVIF', '国标', 'band'])
  expect(o.legend.data).toEqual(['ONVIF', '国标'])
  expect(o.series[0].data).toEqual([[Date.parse('2026-03-02T01:00:00Z'), 1], [Date.parse('2026-03-02T03:00:00Z'), 4]])
  expect(o.series[0].markLine.data.map((d) => d.yAxis)).toEqual([3, -3])
  expect(o.series[1].markLine).toBeUndefined()
  expect(o.series[2].data.map((p) => p[1])).toEqual([4.5, -4.5])
  expect(clockChartOption([], 3000, 0, 1, labels).series.map((s) => s.name)).toEqual(['band'])
})
