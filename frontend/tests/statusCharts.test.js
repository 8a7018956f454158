import { describe, expect, test } from 'vitest'
import { intervalsToTimeline, stateTimelineOption, latencyOption, siteMapOption, siteMapFrame, viewFitting, equalAspectExtent, siteSymbolSize } from '../src/lib/statusCharts.js'
import { aggregateSites } from '../src/lib/status.js'

const T = (s) => Date.parse(s)

describe('state intervals → timeline', () => {
  const from = '2024-03-01T00:00:00Z'
  const to = '2024-03-08T00:00:00Z'
  const now = '2024-03-07T12:00:00Z'

  test('intervals are clipped to the window, coloured by state, an ongoing one runs until now', () => {
    const items = intervalsToTimeline(
      [
        { state: 'UP', reason: null, start: '2024-02-20T00:00:00Z', end: '2024-03-02T00:00:00Z' },
        { state: 'DOWN', reason: 'TIMEOUT', start: '2024-03-02T00:00:00Z', end: '2024-03-02T06:00:00Z' },
        { state: 'DEGRADED', reason: 'NO_VIDEO', start: '2024-03-02T06:00:00Z', end: null },
      ],
      from, to, now,
    )
    expect(items.map((i) => [i.state, i.start, i.end])).toEqual([
      ['UP', T(from), T('2024-03-02T00:00:00Z')],
      ['DOWN', T('2024-03-02T00:00:00Z'), T('2024-03-02T06:00:00Z')],
      ['DEGRADED', T('2024-03-02T06:00:00Z'), T(now)],
    ])
    expect(items[1]).toMatchObject({ reason: 'TIMEOUT', ongoing: false, value: [0, T('2024-03-02T00:00:00Z'), T('2024-03-02T06:00:00Z')], itemStyle: { color: '#f56c6c' } })
    expect(items[2].ongoing).toBe(true)
  })

  test('intervals outside the window or empty after clipping are dropped', () => {
    const items = intervalsToTimeline(
      [
        { state: 'UP', start: '2024-01-01T00:00:00Z', end: '2024-02-01T00:00:00Z' },
        { state: 'UP', start: '2024-03-09T00:00:00Z', end: null },
      ],
      from, to, now,
    )
    expect(items).toEqual([])
  })

  test('the option draws one custom series over the window', () => {
    const labels = { row: 'r', state: (s) => s, reason: (r) => r, time: String, duration: String, ongoing: 'now' }
    const items = intervalsToTimeline([{ state: 'UP', start: from, end: null }], from, to, now)
    const opt = stateTimelineOption(items, from, to, labels)
    expect(opt.xAxis).toMatchObject({ type: 'time', min: T(from), max: T(to) })
    expect(opt.series[0].type).toBe('custom')
    expect(opt.series[0].data).toBe(items)
    expect(opt.tooltip.formatter({ data: items[0] })).toContain('now')
  })
})

describe('latency chart', () => {
  test('probes newest first become a chronological line; failures are red points at zero', () => {
    const opt = latencyOption(
      [
        { at: '2024-03-01T00:02:00Z', status: 'UP', latencyMs: 30 },
        { at: '2024-03-01T00:01:00Z', status: 'DOWN', reason: 'TIMEOUT', latencyMs: null },
        { at: '2024-03-01T00:00:00Z', status: 'DEGRADED', latencyMs: 20 },
      ],
      '2024-02-29T00:02:00Z', '2024-03-01T00:02:00Z', { latency: 'L', failed: 'F', ms: 'ms' },
    )
    expect(opt.series[0].data).toEqual([[T('2024-03-01T00:00:00Z'), 20], [T('2024-03-01T00:02:00Z'), 30]])
    expect(opt.series[1].data).toEqual([{ value: [T('2024-03-01T00:01:00Z'), 0], reason: 'TIMEOUT' }])
  })
})

describe('site map', () => {
  test('the extent keeps a kilometre equally long across and up and fits the box', () => {
    const ext = equalAspectExtent([[110.9, 35.5], [111.0, 35.6]], 800, 400)
    const k = Math.cos((35.55 * Math.PI) / 180)
    const perPxX = ((ext.xMax - ext.xMin) * k) / 800
    const perPxY = (ext.yMax - ext.yMin) / 400
    expect(perPxX).toBeCloseTo(perPxY, 10)
    expect(ext.xMin).toBeLessThan(110.9)
    expect(ext.yMax).toBeGreaterThan(35.6)
  })

  test('points are coloured by their worst state and sized by device count; sites without coordinates are left out', () => {
    const entries = aggregateSites(
      [
        { id: 1, name: 'A', latitude: 35.6, longitude: 110.97 },
        { id: 2, name: 'B', latitude: 35.5, longitude: 110.9 },
        { id: 3, name: 'C', latitude: null, longitude: null },
      ],
      [
        { siteId: 1, state: 'UP' },
        { siteId: 1, state: 'DEGRADED' },
        { siteId: 2, state: 'UP' },
        { siteId: 3, state: 'DOWN' },
      ],
    )
    const opt = siteMapOption(entries, 900, 560, { state: (s) => s, devices: (n) => `${n}`, none: '-', sites: (n) => `${n} sites` })
    const data = opt.series.flatMap((series) => series.data)
    expect(data.map((d) => [d.siteId, d.itemStyle.color, d.total]).sort()).toEqual([[1, '#e6a23c', 2], [2, '#67c23a', 1]])
    const a = data.find((d) => d.siteId === 1)
    const b = data.find((d) => d.siteId === 2)
    expect(a.symbolSize).toBeGreaterThan(b.symbolSize)
    expect(a.label.show).toBe(true)
    expect(opt.tooltip.formatter({ data: a })).toContain('A')
  })

  const site = (id, lon, lat, state) => ({ id, name: `S${id}`, longitude: lon, latitude: lat, state })
  const board = (sites) => aggregateSites(sites, sites.map((s) => ({ siteId: s.id, state: s.state })))
  const labels = { state: (s) => s, devices: (n) => `${n}`, none: '-', sites: (n) => `${n} sites` }

  test('sites on top of each other become one cluster marker with their count; zooming in separates them', () => {
    const sites = [site(1, 110.98, 35.60, 'UP'), site(2, 110.9801, 35.6001, 'DOWN'), site(3, 110.90, 35.50, 'UP')]
    const opt = siteMapOption(board(sites), 900, 560, labels)
    const items = opt.series.flatMap((series) => series.data)
    const cluster = items.find((d) => d.clusterKey)
    expect(cluster.members.map((m) => m.id).sort()).toEqual([1, 2])
    expect(cluster.label.formatter).toBe('2')
    expect(cluster.worst).toBe('DOWN')
    expect(opt.tooltip.formatter({ data: cluster })).toContain('S1')
    // zoomed in on the pair: 0.0001° is then several dozen pixels
    const zoomed = siteMapOption(board(sites), 900, 560, labels, { view: { x: [88.5, 89.0], y: [88.5, 89.0] } })
    expect(zoomed.series.flatMap((series) => series.data).filter((d) => d.clusterKey)).toEqual([])
    expect(zoomed.dataZoom.map((z) => [z.start, z.end])).toEqual([[88.5, 89.0], [88.5, 89.0]])
  })

  test('DOWN is drawn above DEGRADED above UNKNOWN above UP', () => {
    const sites = [site(1, 110.90, 35.50, 'UP'), site(2, 110.95, 35.55, 'DOWN'), site(3, 111.0, 35.6, 'UNKNOWN'), site(4, 110.92, 35.58, 'DEGRADED')]
    const opt = siteMapOption(board(sites), 900, 560, labels)
    const zOf = (state) => opt.series.find((series) => series.data.some((d) => d.worst === state)).z
    expect(zOf('DOWN')).toBeGreaterThan(zOf('DEGRADED'))
    expect(zOf('DEGRADED')).toBeGreaterThan(zOf('UNKNOWN'))
    expect(zOf('UNKNOWN')).toBeGreaterThan(zOf('UP'))
  })

  test('an uploaded boundary is drawn under the sites and widens the map to show all of it', () => {
    const sites = [site(1, 110.98, 35.60, 'UP'), site(2, 110.90, 35.50, 'UP')]
    const county = { type: 'Polygon', coordinates: [[[110.7, 35.3], [111.3, 35.3], [111.3, 35.8], [110.7, 35.8], [110.7, 35.3]]] }
    const opt = siteMapOption(board(sites), 900, 560, labels, { boundary: county })
    expect(opt.series[0].id).toBe('boundary')
    expect(opt.series[0].z).toBeLessThan(Math.min(...opt.series.slice(1).map((series) => series.z)))
    expect(opt.xAxis.min).toBeLessThan(110.7)
    expect(opt.yAxis.max).toBeGreaterThan(35.8)
    expect(siteMapOption(board(sites), 900, 560, labels).series.some((series) => series.id === 'boundary')).toBe(false)
  })

  test('a cluster zooms to a view that holds its members', () => {
    const sites = [site(1, 110.98, 35.60, 'UP'), site(2, 110.9801, 35.6001, 'DOWN'), site(3, 110.90, 35.50, 'UP')]
    const frame = siteMapFrame(board(sites), 900, 560)
    const view = viewFitting(frame, [[110.98, 35.60], [110.9801, 35.6001]])
    expect(view.x[1] - view.x[0]).toBeLessThan(20)
    const at = (pct, lo, hi) => lo + ((hi - lo) * pct) / 100
    expect(at(view.x[0], frame.base.xMin, frame.base.xMax)).toBeLessThan(110.98)
    expect(at(view.x[1], frame.base.xMin, frame.base.xMax)).toBeGreaterThan(110.9801)
    expect(at(view.y[0], frame.base.yMin, frame.base.yMax)).toBeLessThan(35.60)
  })

  test('no coordinates at all → no chart', () => {
    expect(siteMapOption([{ site: { id: 1, latitude: null, longitude: null }, counts: {}, total: 0, worst: null }], 900, 560, {})).toBeNull()
  })

  test('marker size grows with devices but stays bounded', () => {
    expect(siteSymbolSize(0)).toBe(8)
    expect(siteSymbolSize(4)).toBeLessThan(siteSymbolSize(9))
    expect(siteSymbolSize(10000)).toBe(44)
  })
})
