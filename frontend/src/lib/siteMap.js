// The site map's pure parts: which sites merge into a cluster at the current zoom, the drawing order
// (DOWN on top), where each name label goes without colliding, and the uploaded boundary's polygons.
// Unit-tested in tests/siteMap.test.js; statusCharts.siteMapOption puts them into an ECharts option.

/** Drawing order: a higher z is drawn above. DOWN above DEGRADED above UNKNOWN above UP above empty sites. */
export const STATE_Z = Object.freeze({ UP: 1, UNKNOWN: 2, DEGRADED: 3, DOWN: 4 })

export function stateZ(state) {
  return STATE_Z[state] || 0
}

/** Items sorted so that the one to draw last (on top) comes last: by state, then by size. Input unchanged. */
export function orderForDrawing(items, stateOf = (i) => i.worst, sizeOf = (i) => i.total || 0) {
  return [...items].sort((a, b) => stateZ(stateOf(a)) - stateZ(stateOf(b)) || sizeOf(a) - sizeOf(b))
}

function sumCounts(members) {
  const counts = { UP: 0, DEGRADED: 0, DOWN: 0, UNKNOWN: 0 }
  for (const m of members) for (const s of Object.keys(counts)) counts[s] += (m.counts && m.counts[s]) || 0
  return counts
}

function summarise(members, points) {
  return {
    key: members.map((m) => m.site.id).sort().join(','),
    members,
    lon: points.reduce((s, i) => s + i.lon, 0) / points.length,
    lat: points.reduce((s, i) => s + i.lat, 0) / points.length,
    counts: sumCounts(members),
    total: members.reduce((s, m) => s + m.total, 0),
    worst: members.reduce((w, m) => (stateZ(m.worst) > stateZ(w) ? m.worst : w), null),
  }
}

/**
 * Greedy clustering in screen pixels. `entries` are aggregateSites entries with coordinates;
 * `toPixel(lon, lat)` → [x, y] at the current zoom; `sizeOf(members)` → the diameter in pixels of the
 * marker drawn for those entries (one entry: a site; several: a cluster). Two markers belong together
 * when less than `gap` pixels of empty space would separate them (they overlap or nearly touch).
 * The worst (then largest) site not yet taken starts a cluster and takes every untaken site that close
 * to it, so a DOWN site is never swallowed into a cluster led by an UP one; then clusters whose
 * (larger, re-centred) markers still overlap another marker are merged until none does.
 * Returns `[{key, members, lon, lat, counts, total, worst}]`; a cluster of one is a plain site.
 */
export function clusterSites(entries, toPixel, gap, sizeOf = () => 0) {
  const items = (entries || []).map((e) => {
    const lon = Number(e.site.longitude)
    const lat = Number(e.site.latitude)
    return { entry: e, lon, lat, px: toPixel(lon, lat), taken: false }
  })
  const seeds = [...items].sort(
    (a, b) => stateZ(b.entry.worst) - stateZ(a.entry.worst) || b.entry.total - a.entry.total || String(a.entry.site.id).localeCompare(String(b.entry.site.id)),
  )
  const close = (a, b, sizeA, sizeB) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= gap + (sizeA + sizeB) / 2
  let groups = []
  for (const seed of seeds) {
    if (seed.taken) continue
    const group = items.filter((i) => !i.taken && close(i.px, seed.px, sizeOf([i.entry]), sizeOf([seed.entry])))
    group.forEach((i) => (i.taken = true))
    groups.push(group)
  }
  const centre = (group) => toPixel(group.reduce((s, i) => s + i.lon, 0) / group.length, group.reduce((s, i) => s + i.lat, 0) / group.length)
  for (let merged = true; merged; ) {
    merged = false
    outer: for (let a = 0; a < groups.length; a++) {
      for (let b = a + 1; b < groups.length; b++) {
        const ga = groups[a]
        const gb = groups[b]
        if (close(centre(ga), centre(gb), sizeOf(ga.map((i) => i.entry)), sizeOf(gb.map((i) => i.entry)))) {
          groups = [...groups.slice(0, a), [...ga, ...gb], ...groups.slice(a + 1, b), ...groups.slice(b + 1)]
          merged = true
          break outer
        }
      }
    }
  }
  return groups.map((group) => summarise(group.map((i) => i.entry), group))
}

/** Rough pixel width of a label: a CJK character is one em, anything else about 0.6 em. */
export function textWidth(text, fontSize) {
  let w = 0
  for (const ch of String(text || '')) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? fontSize : fontSize * 0.6
  return w
}

const GAP = 4

function box(x, y, w, h) {
  return { x0: x, y0: y, x1: x + w, y1: y + h }
}

function overlaps(a, b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

/**
 * Places name labels so that none overlaps another label or any marker, nor leaves the plot.
 * `items`: `[{id, x, y, size (marker diameter), text, priority}]`; a higher priority is placed first
 * (DOWN sites' names win). Each label tries right, left, top, bottom of its marker; a label that fits
 * nowhere is hidden. Returns `Map id → 'right'|'left'|'top'|'bottom'|null`.
 */
export function placeLabels(items, { width = Infinity, height = Infinity, fontSize = 11 } = {}) {
  const h = fontSize + 4
  const markers = items.map((i) => ({ id: i.id, ...box(i.x - i.size / 2, i.y - i.size / 2, i.size, i.size) }))
  const placed = []
  const result = new Map()
  const order = [...items].sort((a, b) => (b.priority || 0) - (a.priority || 0))
  for (const item of order) {
    const w = textWidth(item.text, fontSize)
    const r = item.size / 2
    const candidates = {
      right: box(item.x + r + GAP, item.y - h / 2, w, h),
      left: box(item.x - r - GAP - w, item.y - h / 2, w, h),
      top: box(item.x - w / 2, item.y - r - GAP - h, w, h),
      bottom: box(item.x - w / 2, item.y + r + GAP, w, h),
    }
    let chosen = null
    for (const [position, b] of Object.entries(candidates)) {
      const inside = b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height
      if (inside && !placed.some((p) => overlaps(p, b)) && !markers.some((m) => m.id !== item.id && overlaps(m, b))) {
        chosen = position
        placed.push(b)
        break
      }
    }
    result.set(item.id, item.text ? chosen : null)
  }
  return result
}

function isRing(ring) {
  return Array.isArray(ring) && ring.length >= 4 && ring.every((p) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]))
}

/**
 * The polygons of a boundary GeoJSON (FeatureCollection, Feature, Polygon or MultiPolygon):
 * `[{name, rings: [outer, ...holes]}]`, coordinates as [lon, lat]. Anything that is not a polygon is
 * skipped here (the server validates uploads; this only draws what is there).
 */
export function boundaryPolygons(geojson) {
  const out = []
  const geometry = (g, name) => {
    if (!g || typeof g !== 'object') return
    if (g.type === 'Polygon' && Array.isArray(g.coordinates) && g.coordinates.every(isRing)) out.push({ name, rings: g.coordinates })
    else if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates)) g.coordinates.forEach((c) => geometry({ type: 'Polygon', coordinates: c }, name))
  }
  const feature = (f) => f && geometry(f.geometry, (f.properties && (f.properties.name || f.properties.NAME)) || null)
  if (!geojson || typeof geojson !== 'object') return out
  if (geojson.type === 'FeatureCollection' && Array.isArray(geojson.features)) geojson.features.forEach(feature)
  else if (geojson.type === 'Feature') feature(geojson)
  else geometry(geojson, null)
  return out
}

/** Largest upload the server accepts (BoundaryGeoJson.MAX_BYTES). */
export const BOUNDARY_MAX_BYTES = 5 * 1024 * 1024

/**
 * What is wrong with a file before it is uploaded, as a locale key under `map.boundaryError.`
 * (null when it looks like a boundary): too large, not JSON, no polygon in it, a ring that does not
 * end where it starts, or a position outside longitude −180…180 / latitude −90…90. The server checks
 * everything again and answers 422 with the details (in English) for what slips through.
 */
export function boundaryFileProblem(text, bytes) {
  if (bytes > BOUNDARY_MAX_BYTES) return 'tooLarge'
  let doc
  try {
    doc = JSON.parse(text)
  } catch {
    return 'notJson'
  }
  const polygons = boundaryPolygons(doc)
  if (!polygons.length) return 'noPolygon'
  const rings = polygons.flatMap((p) => p.rings)
  if (rings.some((r) => r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1])) return 'openRing'
  if (rings.some((r) => r.some(([lon, lat]) => !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)))) return 'outOfRange'
  return null
}
