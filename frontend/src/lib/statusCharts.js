// ECharts option builders for the monitoring pages (pure: data + labels in, option out).
import { stateColor, STATE_COLORS, DEVICE_STATES } from './status.js'
import { boundaryPolygons, clusterSites, orderForDrawing, placeLabels, stateZ } from './siteMap.js'

function ms(v) {
  if (v === null || v === undefined) return null
  const t = typeof v === 'number' ? v : new Date(v).getTime()
  return Number.isNaN(t) ? null : t
}

/**
 * State intervals (`[{state, reason, start, end}]`, end null = ongoing) → timeline items clipped to
 * [from, to]: `{state, reason, start, end, value: [row, start, end], itemStyle: {color}}`, times in
 * epoch milliseconds. An ongoing interval runs until `now` (or `to`, whichever is earlier).
 */
export function intervalsToTimeline(intervals, from, to, now = Date.now()) {
  const lo = ms(from)
  const hi = ms(to)
  const current = Math.min(ms(now), hi)
  const out = []
  for (const iv of intervals || []) {
    const rawStart = ms(iv.start)
    if (rawStart === null) continue
    const rawEnd = iv.end === null || iv.end === undefined ? current : ms(iv.end)
    const start = Math.max(rawStart, lo)
    const end = Math.min(rawEnd, hi)
    if (!(end > start)) continue
    out.push({
      state: iv.state,
      reason: iv.reason ?? null,
      start,
      end,
      ongoing: iv.end === null || iv.end === undefined,
      value: [0, start, end],
      itemStyle: { color: stateColor(iv.state) },
    })
  }
  return out
}

/**
 * One-row timeline of state intervals (custom series drawing a rectangle per interval).
 * `labels`: {row, state(s), reason(r), time(ms), duration(ms)}.
 */
export function stateTimelineOption(items, from, to, labels) {
  return {
    tooltip: {
      formatter: (p) => {
        const d = p.data
        const reason = d.reason ? ` · ${labels.reason(d.reason)}` : ''
        return `<b style="color:${stateColor(d.state)}">${labels.state(d.state)}</b>${reason}<br/>${labels.time(d.start)} → ${d.ongoing ? labels.ongoing : labels.time(d.end)}<br/>${labels.duration(d.end - d.start)}`
      },
    },
    grid: { left: 16, right: 24, top: 8, bottom: 28, containLabel: false },
    xAxis: { type: 'time', min: ms(from), max: ms(to), axisLabel: { formatter: '{MM}-{dd}' }, splitLine: { show: true, lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: [labels.row], show: false },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: items,
        renderItem: (params, api) => {
          const start = api.coord([api.value(1), 0])
          const end = api.coord([api.value(2), 0])
          const height = api.size([0, 1])[1] * 0.7
          const box = params.coordSys
          const x = Math.max(start[0], box.x)
          const right = Math.min(end[0], box.x + box.width)
          return {
            type: 'rect',
            shape: { x, y: start[1] - height / 2, width: Math.max(right - x, 1), height },
            style: api.style(),
          }
        },
      },
    ],
  }
}

/**
 * Probe latencies over time (probes arrive newest first). Successful probes with a latency form
 * the line; failed probes (status DOWN) are red points on the axis. `labels`: {latency, failed, ms}.
 */
export function latencyOption(probes, from, to, labels) {
  const sorted = [...(probes || [])].sort((a, b) => ms(a.at) - ms(b.at))
  const ok = sorted.filter((p) => p.status !== 'DOWN' && p.latencyMs !== null && p.latencyMs !== undefined).map((p) => [ms(p.at), p.latencyMs])
  const failed = sorted.filter((p) => p.status === 'DOWN').map((p) => ({ value: [ms(p.at), 0], reason: p.reason }))
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.latency, labels.failed], top: 0 },
    grid: { left: 56, right: 24, top: 32, bottom: 32 },
    xAxis: { type: 'time', min: ms(from), max: ms(to) },
    yAxis: { type: 'value', name: labels.ms, min: 0 },
    series: [
      { name: labels.latency, type: 'line', data: ok, showSymbol: ok.length < 100, symbolSize: 4, lineStyle: { width: 1.5 }, itemStyle: { color: '#409eff' } },
      { name: labels.failed, type: 'scatter', data: failed, symbolSize: 7, itemStyle: { color: STATE_COLORS.DOWN } },
    ],
  }
}

/** Marker size by device count: 8 px for an empty site, growing with the square root, at most 44. */
export function siteSymbolSize(total) {
  return total > 0 ? Math.min(44, 10 + Math.sqrt(total) * 6) : 8
}

/**
 * Axis ranges that keep one kilometre the same length across and up (longitude degrees scaled by
 * cos(latitude)), fit the plotting box of `width`×`height` pixels and leave a margin around the points.
 */
export function equalAspectExtent(points, width, height, padding = 0.15) {
  const lons = points.map((p) => p[0])
  const lats = points.map((p) => p[1])
  const lonMin = Math.min(...lons)
  const lonMax = Math.max(...lons)
  const latMin = Math.min(...lats)
  const latMax = Math.max(...lats)
  const lat0 = (latMin + latMax) / 2
  const k = Math.cos((lat0 * Math.PI) / 180)
  const spanX = Math.max((lonMax - lonMin) * k, 0.005) * (1 + 2 * padding)
  const spanY = Math.max(latMax - latMin, 0.005) * (1 + 2 * padding)
  const perPx = Math.max(spanX / Math.max(width, 1), spanY / Math.max(height, 1))
  const halfX = (perPx * width) / 2 / k
  const halfY = (perPx * height) / 2
  const cx = (lonMin + lonMax) / 2
  const cy = (latMin + latMax) / 2
  return { xMin: cx - halfX, xMax: cx + halfX, yMin: cy - halfY, yMax: cy + halfY }
}

const MAP_GRID = { left: 64, right: 24, top: 16, bottom: 40 }
/** Sites whose markers overlap or come closer than this many pixels merge into one cluster marker. */
const CLUSTER_GAP = 6
const LABEL_FONT = 11

/** The whole map: both axes' zoom windows in percent of the full extent. */
export const FULL_VIEW = Object.freeze({ x: [0, 100], y: [0, 100] })

function placedEntries(entries) {
  return (entries || []).filter((e) => e.site.longitude !== null && e.site.latitude !== null && e.site.longitude !== undefined
    && e.site.latitude !== undefined && Number.isFinite(Number(e.site.longitude)) && Number.isFinite(Number(e.site.latitude)))
}

/**
 * The full extent of the map (every placed site and every boundary polygon, in equal aspect) and its
 * plotting box in pixels; null when nothing has coordinates.
 */
export function siteMapFrame(entries, width, height, polygons = []) {
  const placed = placedEntries(entries)
  if (!placed.length) return null
  const plotW = Math.max(width - MAP_GRID.left - MAP_GRID.right, 50)
  const plotH = Math.max(height - MAP_GRID.top - MAP_GRID.bottom, 50)
  const points = placed.map((e) => [Number(e.site.longitude), Number(e.site.latitude)])
  for (const p of polygons) points.push(...p.rings[0])
  return { placed, plotW, plotH, base: equalAspectExtent(points, plotW, plotH) }
}

function visibleExtent(base, view) {
  const at = (lo, hi, pct) => lo + ((hi - lo) * pct) / 100
  return {
    xMin: at(base.xMin, base.xMax, view.x[0]), xMax: at(base.xMin, base.xMax, view.x[1]),
    yMin: at(base.yMin, base.yMax, view.y[0]), yMax: at(base.yMin, base.yMax, view.y[1]),
  }
}

/** The zoom windows that show `points` ([lon, lat]) as large as they fit, in the frame's percent terms. */
export function viewFitting(frame, points) {
  const ext = equalAspectExtent(points, frame.plotW, frame.plotH, 0.6)
  const pct = (v, lo, hi) => Math.min(100, Math.max(0, ((v - lo) / (hi - lo)) * 100))
  const { base } = frame
  return {
    x: [pct(ext.xMin, base.xMin, base.xMax), pct(ext.xMax, base.xMin, base.xMax)],
    y: [pct(ext.yMin, base.yMin, base.yMax), pct(ext.yMax, base.yMin, base.yMax)],
  }
}

/** Cluster marker size: as large as its largest site, at least 24 px so that its count is legible. */
export function clusterSymbolSize(members) {
  return Math.max(24, ...members.map((m) => siteSymbolSize(m.total)))
}

function boundarySeries(polygons) {
  return {
    id: 'boundary',
    type: 'custom',
    silent: true,
    clip: true,
    z: 1,
    tooltip: { show: false },
    data: polygons.map((p) => ({ value: p.rings[0][0], name: p.name || '' })),
    renderItem: (params, api) => ({
      type: 'group',
      children: polygons[params.dataIndex].rings.map((ring, r) => ({
        type: 'polygon',
        shape: { points: ring.map((pt) => api.coord(pt)) },
        style: r === 0
          ? { fill: 'rgba(64, 158, 255, 0.06)', stroke: '#6f9fd8', lineWidth: 1.5 }
          : { fill: '#ffffff', stroke: '#6f9fd8', lineWidth: 1, lineDash: [4, 3] },
      })),
    }),
  }
}

/**
 * Sites as a scatter on a longitude/latitude plane over the uploaded boundary (no tiles): colour =
 * worst device state, size = device count. Sites whose markers overlap at the current zoom
 * (`options.view`) merge into a cluster marker showing how many sites it holds; DOWN is drawn on top
 * (one series per state, z by STATE_Z); names are placed where they collide with nothing (placeLabels).
 * `entries` come from aggregateSites; those without coordinates are left out (the page lists them).
 * `labels`: {state(s), devices(n), none, sites(n)}. `options`: {view, boundary (GeoJSON or null)}.
 */
export function siteMapOption(entries, width, height, labels, { view = FULL_VIEW, boundary = null } = {}) {
  const polygons = boundaryPolygons(boundary)
  const frame = siteMapFrame(entries, width, height, polygons)
  if (!frame) return null
  const { placed, plotW, plotH, base } = frame
  const vis = visibleExtent(base, view)
  const toPixel = (lon, lat) => [((lon - vis.xMin) / (vis.xMax - vis.xMin)) * plotW, ((vis.yMax - lat) / (vis.yMax - vis.yMin)) * plotH]
  const markerSize = (members) => (members.length > 1 ? clusterSymbolSize(members) : siteSymbolSize(members[0].total))
  const clusters = clusterSites(placed, toPixel, CLUSTER_GAP, markerSize)
  const sizeOf = (c) => markerSize(c.members)
  const onScreen = clusters.map((c) => ({ c, px: toPixel(c.lon, c.lat) })).filter(({ px }) => px[0] >= 0 && px[0] <= plotW && px[1] >= 0 && px[1] <= plotH)
  const positions = placeLabels(
    onScreen.map(({ c, px }) => ({
      id: c.key,
      x: px[0],
      y: px[1],
      size: sizeOf(c),
      text: c.members.length === 1 ? c.members[0].site.name : '',
      priority: stateZ(c.worst) * 1000 + c.total,
    })),
    { width: plotW, height: plotH, fontSize: LABEL_FONT },
  )
  const item = (c) => {
    const single = c.members.length === 1
    const position = positions.get(c.key) || null
    return {
      name: single ? c.members[0].site.name : labels.sites(c.members.length),
      value: [c.lon, c.lat, c.total],
      siteId: single ? c.members[0].site.id : undefined,
      clusterKey: single ? undefined : c.key,
      members: c.members.map((m) => ({ id: m.site.id, name: m.site.name, worst: m.worst, total: m.total })),
      worst: c.worst,
      counts: c.counts,
      total: c.total,
      symbolSize: sizeOf(c),
      itemStyle: { color: stateColor(c.worst), borderColor: '#fff', borderWidth: single ? 1 : 2, opacity: single ? 0.92 : 0.95 },
      label: single
        ? { show: position !== null, position: position || 'right', formatter: '{b}' }
        : { show: true, position: 'inside', formatter: String(c.members.length), color: '#fff', fontWeight: 'bold', fontSize: 12 },
    }
  }
  const levels = [null, 'UP', 'UNKNOWN', 'DEGRADED', 'DOWN']
  const siteSeries = levels.map((state) => ({
    id: `sites-${state || 'EMPTY'}`,
    type: 'scatter',
    z: 3 + stateZ(state),
    data: orderForDrawing(clusters.filter((c) => (c.worst || null) === state)).map(item),
    label: { fontSize: LABEL_FONT, color: '#303133' },
    emphasis: { scale: 1.2, label: { show: true } },
  }))
  const deg = (v, pos, neg) => `${Math.abs(v).toFixed(2)}°${v >= 0 ? pos : neg}`
  const dot = (s) => `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${stateColor(s)};margin-right:6px"></span>`
  return {
    tooltip: {
      trigger: 'item',
      confine: true, // a cluster's list of sites stays inside the chart
      formatter: (p) => {
        const d = p.data
        const lines = DEVICE_STATES.filter((s) => d.counts[s] > 0).map((s) => `${dot(s)}${labels.state(s)}: ${d.counts[s]}`)
        const head = `<b>${d.name}</b><br/>${labels.devices(d.total)}<br/>${lines.length ? lines.join('<br/>') : labels.none}`
        if (!d.clusterKey) return head
        const names = d.members.slice(0, 12).map((m) => `${dot(m.worst)}${m.name}`)
        return `${head}<hr style="border:none;border-top:1px solid #eee;margin:4px 0"/>${names.join('<br/>')}${d.members.length > 12 ? '<br/>…' : ''}`
      },
    },
    grid: MAP_GRID,
    xAxis: { type: 'value', min: base.xMin, max: base.xMax, axisLabel: { formatter: (v) => deg(v, 'E', 'W'), showMinLabel: false, showMaxLabel: false }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'value', min: base.yMin, max: base.yMax, axisLabel: { formatter: (v) => deg(v, 'N', 'S'), showMinLabel: false, showMaxLabel: false }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    // One inside zoom per axis: the wheel zooms both by the same factor (the map keeps its aspect),
    // dragging pans freely; the page re-clusters for the new windows.
    dataZoom: [
      { id: 'zoomX', type: 'inside', xAxisIndex: 0, filterMode: 'none', start: view.x[0], end: view.x[1] },
      { id: 'zoomY', type: 'inside', yAxisIndex: 0, filterMode: 'none', start: view.y[0], end: view.y[1] },
    ],
    series: [...(polygons.length ? [boundarySeries(polygons)] : []), ...siteSeries],
  }
}
