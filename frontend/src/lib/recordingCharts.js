// The recording timeline of the device page's 录像 tab (pure: API answer + labels in, ECharts option out).

export const RECORDING_COLORS = Object.freeze({ recorded: '#67c23a', gap: '#f56c6c', notQueried: '#dcdfe6' })

function ms(v) {
  const t = typeof v === 'number' ? v : new Date(v).getTime()
  return Number.isNaN(t) ? null : t
}

/**
 * One row per county day of `view.days` (newest on top), hours 0–24 of that day on the x axis: recorded intervals
 * green, gaps red, a day no source answered for grey. Items: `{kind, start, end, value: [row, fromHour, toHour]}`.
 */
export function recordingTimelineItems(view) {
  const days = (view && Array.isArray(view.days) ? view.days : []).slice().sort((a, b) => (a.day < b.day ? 1 : -1))
  const items = []
  days.forEach((d, row) => {
    const lo = ms(d.start)
    const hi = ms(d.end)
    if (lo === null || hi === null || !(hi > lo)) return
    const add = (kind, s, e) => {
      const start = Math.max(ms(s), lo)
      const end = Math.min(ms(e), hi)
      if (end > start) items.push({ kind, start, end, value: [row, (start - lo) / 3600000, (end - lo) / 3600000] })
    }
    if (!d.measured) {
      add('notQueried', d.start, d.end)
      return
    }
    for (const iv of view.intervals || []) add('recorded', iv.from, iv.to)
    for (const g of view.gaps || []) add('gap', g.from, g.to)
  })
  return { rows: days.map((d) => d.day.slice(5)), items }
}

/** `labels`: {kind(k), time(ms), duration(ms)}. */
export function recordingTimelineOption(timeline, labels) {
  return {
    tooltip: {
      formatter: (p) => {
        const d = p.data
        return `<b style="color:${RECORDING_COLORS[d.kind]}">${labels.kind(d.kind)}</b><br/>${labels.time(d.start)} → ${labels.time(d.end)}<br/>${labels.duration(d.end - d.start)}`
      },
    },
    grid: { left: 52, right: 16, top: 8, bottom: 28 },
    xAxis: { type: 'value', min: 0, max: 24, interval: 3, axisLabel: { formatter: (h) => `${String(h).padStart(2, '0')}:00` }, splitLine: { lineStyle: { color: '#eef0f3' } } },
    yAxis: { type: 'category', data: timeline.rows, inverse: true, axisTick: { show: false } },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: timeline.items.map((i) => ({ ...i, itemStyle: { color: RECORDING_COLORS[i.kind] } })),
        renderItem: (params, api) => {
          const start = api.coord([api.value(1), api.value(0)])
          const end = api.coord([api.value(2), api.value(0)])
          const height = api.size([0, 1])[1] * 0.6
          return {
            type: 'rect',
            shape: { x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 1), height },
            style: api.style(),
          }
        },
      },
    ],
  }
}
