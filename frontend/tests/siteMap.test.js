import { describe, expect, test } from 'vitest'
import { clusterSites, orderForDrawing, placeLabels, stateZ, textWidth, boundaryPolygons, boundaryFileProblem, BOUNDARY_MAX_BYTES } from '../src/lib/siteMap.js'

const entry = (id, lon, lat, worst, total = 1) => ({
  site: { id, name: `S${id}`, longitude: lon, latitude: lat },
  counts: { UP: worst === 'UP' ? total : 0, DEGRADED: worst === 'DEGRADED' ? total : 0, DOWN: worst === 'DOWN' ? total : 0, UNKNOWN: worst === 'UNKNOWN' ? total : 0 },
  total,
  worst,
})
// one degree = 1000 px
const toPixel = (lon, lat) => [lon * 1000, -lat * 1000]

describe('clustering', () => {
  test('sites within the radius merge; the cluster sums their devices and takes the worst state', () => {
    const clusters = clusterSites([entry(1, 0, 0, 'UP', 3), entry(2, 0.01, 0, 'DOWN', 2), entry(3, 0.1, 0, 'UP')], toPixel, 20)
    expect(clusters).toHaveLength(2)
    const pair = clusters.find((c) => c.members.length === 2)
    expect(pair.worst).toBe('DOWN')
    expect(pair.total).toBe(5)
    expect(pair.counts).toEqual({ UP: 3, DEGRADED: 0, DOWN: 2, UNKNOWN: 0 })
    expect(pair.lon).toBeCloseTo(0.005, 10)
  })
  test('large markers reach further: sites whose markers would overlap merge even beyond the gap', () => {
    const size = (members) => (members.length > 1 || members[0].total > 5 ? 40 : 10)
    // 30 px apart: apart for two small markers (gap 6 + 10), together when one marker is 40 px wide (6 + 25)
    expect(clusterSites([entry(1, 0, 0, 'UP'), entry(2, 0.03, 0, 'UP')], toPixel, 6, size)).toHaveLength(2)
    expect(clusterSites([entry(1, 0, 0, 'UP', 9), entry(2, 0.03, 0, 'UP')], toPixel, 6, size)).toHaveLength(1)
  })
  test('a cluster marker that grew over a neighbour takes the neighbour in', () => {
    // 0 and 14 px merge (10 px markers, gap 6); their 30 px cluster marker at 7 px then covers the site at 30 px
    const size = (members) => (members.length > 1 ? 30 : 10)
    const clusters = clusterSites([entry(1, 0, 0, 'UP'), entry(2, 0.014, 0, 'UP'), entry(3, 0.03, 0, 'DOWN')], toPixel, 6, size)
    expect(clusters).toHaveLength(1)
    expect(clusters[0].worst).toBe('DOWN')
  })
  test('a DOWN site leads its cluster, so a chain of UP sites cannot pull it away from where it is', () => {
    // UP sites at 0, 15, 30 px and DOWN at 45 px: led by DOWN, the cluster takes 30 and 45 only
    const clusters = clusterSites([entry(1, 0, 0, 'UP'), entry(2, 0.015, 0, 'UP'), entry(3, 0.03, 0, 'UP'), entry(4, 0.045, 0, 'DOWN')], toPixel, 20)
    const down = clusters.find((c) => c.worst === 'DOWN')
    expect(down.members.map((m) => m.site.id).sort()).toEqual([3, 4])
  })
  test('every site ends up in exactly one cluster', () => {
    const sites = Array.from({ length: 40 }, (_, i) => entry(i, (i % 7) * 0.008, Math.floor(i / 7) * 0.008, ['UP', 'DOWN', 'DEGRADED', 'UNKNOWN'][i % 4]))
    const ids = clusterSites(sites, toPixel, 20).flatMap((c) => c.members.map((m) => m.site.id))
    expect(ids.sort((a, b) => a - b)).toEqual(sites.map((s) => s.site.id))
  })
})

describe('drawing order', () => {
  test('DOWN above DEGRADED above UNKNOWN above UP above sites without devices', () => {
    expect(['DOWN', 'DEGRADED', 'UNKNOWN', 'UP', null].map(stateZ)).toEqual([4, 3, 2, 1, 0])
    const drawn = orderForDrawing([entry(1, 0, 0, 'DOWN'), entry(2, 0, 0, 'UP', 9), entry(3, 0, 0, 'DEGRADED'), entry(4, 0, 0, null, 0), entry(5, 0, 0, 'UNKNOWN')])
    expect(drawn.map((e) => e.worst)).toEqual([null, 'UP', 'UNKNOWN', 'DEGRADED', 'DOWN'])
  })
})

describe('label placement', () => {
  const boxOf = (item, position, fontSize = 11) => {
    const w = textWidth(item.text, fontSize)
    const h = fontSize + 4
    const r = item.size / 2
    return {
      right: [item.x + r + 4, item.y - h / 2, w, h],
      left: [item.x - r - 4 - w, item.y - h / 2, w, h],
      top: [item.x - w / 2, item.y - r - 4 - h, w, h],
      bottom: [item.x - w / 2, item.y + r + 4, w, h],
    }[position]
  }
  const overlap = (a, b) => a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]

  test('no two shown labels overlap, and none covers another marker', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i, x: 100 + (i % 6) * 40, y: 100 + Math.floor(i / 6) * 22, size: 10, text: `点位名称${i}`, priority: i % 4 }))
    const positions = placeLabels(items, { width: 800, height: 600 })
    const shown = items.filter((i) => positions.get(i.id)).map((i) => ({ i, b: boxOf(i, positions.get(i.id)) }))
    expect(shown.length).toBeGreaterThan(3)
    for (const a of shown) {
      for (const b of shown) if (a !== b) expect(overlap(a.b, b.b)).toBe(false)
      for (const m of items) if (m !== a.i) expect(overlap(a.b, [m.x - 5, m.y - 5, 10, 10])).toBe(false)
    }
  })
  test('the more important label wins the contested place, the other moves or hides', () => {
    const up = { id: 'up', x: 100, y: 100, size: 10, text: '正常点位', priority: 1 }
    const down = { id: 'down', x: 100, y: 118, size: 10, text: '故障点位', priority: 4 }
    const positions = placeLabels([up, down], { width: 120, height: 130 })
    expect(positions.get('down')).not.toBeNull()
  })
  test('labels stay inside the plot; Chinese text is measured wider than Latin', () => {
    const positions = placeLabels([{ id: 1, x: 795, y: 300, size: 10, text: '县城东入口', priority: 1 }], { width: 800, height: 600 })
    expect(positions.get(1)).toBe('left')
    expect(textWidth('县城', 10)).toBeGreaterThan(textWidth('AB', 10))
  })
})

describe('boundary GeoJSON', () => {
  const ring = [[110.9, 35.5], [111.1, 35.5], [111.1, 35.7], [110.9, 35.5]]
  test('polygons of a FeatureCollection, a Feature, a Polygon and a MultiPolygon', () => {
    const fc = { type: 'FeatureCollection', features: [
      { type: 'Feature', properties: { name: '稷峰镇' }, geometry: { type: 'Polygon', coordinates: [ring] } },
      { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [111, 35.6] } },
    ] }
    const polygons = boundaryPolygons(fc)
    expect(polygons.map((p) => [p.name, p.rings.length])).toEqual([['稷峰镇', 1], [null, 1], [null, 2]])
    expect(boundaryPolygons({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] } })).toHaveLength(1)
    expect(boundaryPolygons(null)).toEqual([])
  })
  test('a file is checked before upload: size, JSON, polygons', () => {
    expect(boundaryFileProblem(JSON.stringify({ type: 'Polygon', coordinates: [ring] }), 100)).toBeNull()
    expect(boundaryFileProblem('{', 1)).toBe('notJson')
    expect(boundaryFileProblem('{"type":"Point","coordinates":[1,2]}', 30)).toBe('noPolygon')
    expect(boundaryFileProblem('{}', BOUNDARY_MAX_BYTES + 1)).toBe('tooLarge')
    const open = [[110.9, 35.5], [111.1, 35.5], [111.1, 35.7], [110.9, 35.7]]
    expect(boundaryFileProblem(JSON.stringify({ type: 'Polygon', coordinates: [open] }), 100)).toBe('openRing')
    const far = [[110.9, 95.5], [111.1, 35.5], [111.1, 35.7], [110.9, 95.5]]
    expect(boundaryFileProblem(JSON.stringify({ type: 'Polygon', coordinates: [far] }), 100)).toBe('outOfRange')
  })
})
