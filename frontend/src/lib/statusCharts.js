// ECharts option builders for the monitoring pages (pure: data + labels in, option out).
import { stateColor, STATE_COLORS, DEVICE_STATES } from './status.js'

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

/**
 * Sites as a scatter on a longitude/latitude plane (no tiles, no map JSON): colour = worst device
 * state, size = device count. `entries` come from aggregateSites; those without coordinates are
 * left out (the page lists them). `labels`: {state(s), devices(n), none}.
 */
export function siteMapOption(entries, width, height, labels) {
  const placed = (entries || []).filter((e) => Number.isFinite(Number(e.site.longitude)) && Number.isFinite(Number(e.site.latitude)) && e.site.longitude !== null && e.site.latitude !== null)
  if (!placed.length) return null
  const plotW = Math.max(width - MAP_GRID.left - MAP_GRID.right, 50)
  const plotH = Math.max(height - MAP_GRID.top - MAP_GRID.bottom, 50)
  const ext = equalAspectExtent(placed.map((e) => [Number(e.site.longitude), Number(e.site.latitude)]), plotW, plotH)
  const data = placed.map((e) => ({
    name: e.site.name,
    value: [Number(e.site.longitude), Number(e.site.latitude), e.total],
    siteId: e.site.id,
    worst: e.worst,
    counts: e.counts,
    total: e.total,
    symbolSize: siteSymbolSize(e.total),
    itemStyle: { color: stateColor(e.worst), borderColor: '#fff', borderWidth: 1, opacity: 0.9 },
    label: { show: e.worst === 'DOWN' || e.worst === 'DEGRADED' },
  }))
  const deg = (v, pos, neg) => `${Math.abs(v).toFixed(2)}°${v >= 0 ? pos : neg}`
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = p.data
        const lines = DEVICE_STATES.filter((s) => d.counts[s] > 0).map(
          (s) => `<span style="display:inline-block;width:8px;height:8px;border-radius:4px;background:${stateColor(s)};margin-right:6px"></span>${labels.state(s)}: ${d.counts[s]}`,
        )
        return `<b>${d.name}</b><br/>${labels.devices(d.total)}<br/>${lines.length ? lines.join('<br/>') : labels.none}`
      },
    },
    grid: MAP_GRID,
    xAxis: { type: 'value', min: ext.xMin, max: ext.xMax, axisLabel: { formatter: (v) => deg(v, 'E', 'W'), showMinLabel: false, showMaxLabel: false }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'value', min: ext.yMin, max: ext.yMax, axisLabel: { formatter: (v) => deg(v, 'N', 'S'), showMinLabel: false, showMaxLabel: false }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    // Wheel/drag zooms both axes by the same factor, so the map keeps its aspect (the town centre is dense).
    dataZoom: [{ type: 'inside', xAxisIndex: 0, yAxisIndex: 0, filterMode: 'none' }],
    series: [
      {
        type: 'scatter',
        data,
        label: { position: 'right', formatter: '{b}', fontSize: 11, color: '#303133' },
        emphasis: { scale: 1.3, label: { show: true } },
        labelLayout: { hideOverlap: true },
      },
    ],
  }
}
