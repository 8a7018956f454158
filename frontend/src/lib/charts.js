// ECharts option builders for the progress page (pure: data + labels in, option out).
import { completedLate } from './progress.js'

/** Cumulative installed per week, with a markLine at the total planned. */
export function curveOption(curve, plannedTotal, labels) {
  const points = (curve || []).map((p) => [p.week, p.installed])
  const maxY = Math.max(plannedTotal || 0, ...points.map((p) => p[1]), 1)
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 32, bottom: 40 },
    xAxis: { type: 'time', name: labels.week, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: labels.installed, max: Math.ceil(maxY * 1.1) },
    series: [
      {
        name: labels.installed,
        type: 'line',
        step: false,
        showSymbol: points.length < 60,
        areaStyle: { opacity: 0.15 },
        data: points,
        markLine: plannedTotal
          ? {
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#e6a23c' },
              label: { formatter: `${labels.planned}: ${plannedTotal}`, position: 'insideEndTop' },
              data: [{ yAxis: plannedTotal }],
            }
          : undefined,
      },
    ],
  }
}

const DAY = 86400000
function toTime(d) {
  return d ? new Date(`${d}T00:00:00`).getTime() : null
}

const ON_TIME = '#67c23a'
const LATE = '#f56c6c'
const NOT_JUDGED = '#b1b3b8'

/**
 * Planned vs actual completion per construction item as horizontal bars on a time axis
 * (bars run from the project start to each date; an item not yet complete has no actual bar).
 * Actual bars: green on time, red late, grey for items planned at 0 devices (never judged late).
 * `labels`: {planned, actual, late, notJudged}; the legend names all four colours (it is not a filter).
 */
export function timelineOption(items, labels, start) {
  const rows = [...(items || [])].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))
  const names = rows.map((r) => `${r.seq ?? ''} ${r.name ?? r.label ?? ''}`.trim())
  const planned = rows.map((r) => toTime(r.plannedDate))
  const actual = rows.map((r) => toTime(r.actualDate))
  const all = [...planned, ...actual, toTime(start)].filter((x) => x !== null)
  const min = all.length ? Math.min(...all) - 7 * DAY : undefined
  const max = all.length ? Math.max(...all) + 7 * DAY : undefined
  const fmt = (v) => (v === null || v === undefined ? '—' : new Date(v).toISOString().slice(0, 10))
  const colourOf = (row) => (!(Number(row.planned) > 0) ? NOT_JUDGED : completedLate(row) ? LATE : ON_TIME)
  // Empty line series only lend their colour and name to the legend (an empty bar series would still take room).
  const legendOnly = (name, color) => ({ name, type: 'line', data: [], itemStyle: { color } })
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps) => {
        const i = ps[0].dataIndex
        return `${names[i]}<br/>${labels.planned}: ${fmt(planned[i])}<br/>${labels.actual}: ${fmt(actual[i])}`
      },
    },
    legend: {
      data: [labels.planned, { name: labels.actual, itemStyle: { color: ON_TIME } }, labels.late, labels.notJudged].filter(Boolean),
      top: 0,
      icon: 'roundRect',
      selectedMode: false,
    },
    grid: { left: 200, right: 32, top: 32, bottom: 32 },
    xAxis: { type: 'time', min, max },
    yAxis: { type: 'category', data: names, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      { name: labels.planned, type: 'bar', data: planned, startValue: min, barGap: '10%', itemStyle: { color: '#a0cfff' } },
      {
        name: labels.actual,
        type: 'bar',
        data: actual,
        startValue: min,
        itemStyle: { color: (p) => colourOf(rows[p.dataIndex]) },
      },
      ...(labels.late ? [legendOnly(labels.late, LATE)] : []),
      ...(labels.notJudged ? [legendOnly(labels.notJudged, NOT_JUDGED)] : []),
    ],
  }
}

/** Gauge of the cost change in percentage points against its ceiling. */
export function costGaugeOption(changePct, ceilingPct, label) {
  const ceiling = Number(ceilingPct) || 10
  const change = Number(changePct) || 0
  const max = Math.max(ceiling * 2, Math.ceil(change))
  const split = ceiling / max
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        radius: '95%',
        axisLine: { lineStyle: { width: 12, color: [[split, '#67c23a'], [1, '#f56c6c']] } },
        pointer: { itemStyle: { color: change > ceiling ? '#f56c6c' : '#409eff' } },
        axisLabel: { formatter: (v) => `${Math.round(v)}%`, distance: 16, fontSize: 10 },
        detail: { formatter: `${change.toFixed(1)}%`, fontSize: 18, offsetCenter: [0, '60%'] },
        title: { show: true, offsetCenter: [0, '85%'], fontSize: 12 },
        data: [{ value: change, name: label }],
      },
    ],
  }
}
