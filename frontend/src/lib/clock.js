// 时钟准确率 helpers (docs/CLOCK.md): how an offset is written and the 7-day chart of a device's samples.
// The figures themselves come from the API; nothing here counts samples into a rate.

const ms = (iso) => new Date(iso).getTime()
export const CLOCK_SOURCES = ['ONVIF', 'GB28181']
const COLORS = { ONVIF: '#409eff', GB28181: '#e6a23c' }

/** An offset (device − server) in seconds with one decimal: "+12.4", "−0.5", "0.0"; null when there is none. */
export function offsetSeconds(offsetMs) {
  const n = Number(offsetMs)
  if (offsetMs === undefined || offsetMs === null || offsetMs === '' || !Number.isFinite(n)) return null
  const s = (Math.abs(n) / 1000).toFixed(1)
  if (s === '0.0') return '0.0'
  return `${n > 0 ? '+' : '−'}${s}`
}

/** Whether |offset| is beyond the threshold (the threshold itself is within, as on the server). */
export function beyond(offsetMs, thresholdMs) {
  return Math.abs(Number(offsetMs)) > Number(thresholdMs)
}

/**
 * The chart of a device's samples from `from` to `to` (ISO or ms): one line per source in seconds, the threshold
 * as dashed lines at ±threshold. `labels`: { seconds, threshold, ONVIF, GB28181 }.
 */
export function clockChartOption(samples, thresholdMs, from, to, labels) {
  const bySource = {}
  for (const s of [...(samples || [])].sort((a, b) => ms(a.at) - ms(b.at))) {
    ;(bySource[s.source] ||= []).push([ms(s.at), s.offsetMs / 1000])
  }
  const limit = thresholdMs / 1000
  const sources = CLOCK_SOURCES.filter((s) => bySource[s])
  const series = sources.map((s, i) => ({
    name: labels[s],
    type: 'line',
    data: bySource[s],
    showSymbol: bySource[s].length < 120,
    symbolSize: 4,
    lineStyle: { width: 1.5 },
    itemStyle: { color: COLORS[s] },
    ...(i === 0
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#f56c6c' },
            label: { formatter: labels.threshold, position: 'insideEndTop' },
            data: [{ yAxis: limit }, { yAxis: -limit, label: { show: false } }],
          },
        }
      : {}),
  }))
  // The band stays in view (an invisible series at ±1.5 × threshold; ECharts then picks round ticks itself), and
  // beyond it the axis follows the data on its side only.
  series.push({
    name: 'band', type: 'line', data: [[ms(from), limit * 1.5], [ms(from), -limit * 1.5]], symbol: 'none',
    lineStyle: { opacity: 0 }, silent: true, tooltip: { show: false }, z: 0,
  })
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${offsetSeconds(v * 1000)} ${labels.seconds}` },
    legend: { data: sources.map((s) => labels[s]), top: 0 },
    grid: { left: 56, right: 24, top: 32, bottom: 32 },
    xAxis: { type: 'time', min: ms(from), max: ms(to) },
    yAxis: { type: 'value', name: labels.seconds },
    series,
  }
}
