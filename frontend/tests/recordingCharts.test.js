import { describe, expect, test } from 'vitest'
import { recordingTimelineItems } from '../src/lib/recordingCharts.js'

const day = (d, startIso, measured = true) => ({
  day: d,
  start: startIso,
  end: new Date(new Date(startIso).getTime() + 86400000).toISOString(),
  measured,
})

describe('recording timeline', () => {
  test('recorded intervals and gaps are cut to each county day, in hours of that day; unmeasured days are grey', () => {
    const view = {
      days: [day('2024-03-01', '2024-02-29T16:00:00Z'), day('2024-03-02', '2024-03-01T16:00:00Z'), day('2024-03-03', '2024-03-02T16:00:00Z', false)],
      intervals: [{ from: '2024-02-29T16:00:00Z', to: '2024-03-01T02:00:00Z' }, { from: '2024-03-01T03:00:00Z', to: '2024-03-01T20:00:00Z' }],
      gaps: [{ from: '2024-03-01T02:00:00Z', to: '2024-03-01T03:00:00Z' }, { from: '2024-03-01T20:00:00Z', to: '2024-03-02T16:00:00Z' }],
    }
    const { rows, items } = recordingTimelineItems(view)
    expect(rows).toEqual(['03-03', '03-02', '03-01'])
    const byRow = (r) => items.filter((i) => i.value[0] === r).map((i) => [i.kind, i.value[1], i.value[2]])
    expect(byRow(0)).toEqual([['notQueried', 0, 24]])
    expect(byRow(1)).toEqual([['recorded', 0, 4], ['gap', 4, 24]])
    expect(byRow(2)).toEqual([['recorded', 0, 10], ['recorded', 11, 24], ['gap', 10, 11]])
  })

  test('no answer draws nothing', () => {
    expect(recordingTimelineItems(null)).toEqual({ rows: [], items: [] })
  })
})
