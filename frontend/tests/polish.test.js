import { describe, expect, test } from 'vitest'
import { latencyText } from '../src/lib/status.js'
import { completedLate } from '../src/lib/progress.js'
import { projectLabel } from '../src/lib/project.js'
import { timelineOption } from '../src/lib/charts.js'

describe('latency as shown', () => {
  test('a DOWN device shows none, whatever its last successful probe measured', () => {
    expect(latencyText('DOWN', 12)).toBeNull()
    expect(latencyText('UP', 12)).toBe('12 ms')
    expect(latencyText('DEGRADED', 0)).toBe('0 ms')
    expect(latencyText('UP', null)).toBeNull()
    expect(latencyText('UNKNOWN', undefined)).toBeNull()
  })
})

describe('late completion', () => {
  const row = { planned: 3, plannedDate: '2021-04-30', actualDate: '2021-06-04' }
  test('a device-measured row completed after its plan is late', () => {
    expect(completedLate(row)).toBe(true)
    expect(completedLate({ ...row, actualDate: '2021-04-30' })).toBe(false)
    expect(completedLate({ ...row, actualDate: null })).toBe(false)
  })
  test('an item planned at 0 is never shown late', () => {
    expect(completedLate({ ...row, planned: 0 })).toBe(false)
    const option = timelineOption([{ seq: 1, name: 'a', ...row, planned: 0 }, { seq: 2, name: 'b', ...row }], { planned: 'p', actual: 'a' })
    const colour = option.series[1].itemStyle.color
    // rows are drawn last-seq first: index 0 is seq 2 (planned 3), index 1 is seq 1 (planned 0)
    expect(colour({ dataIndex: 0 })).toBe('#f56c6c')
    expect(colour({ dataIndex: 1 })).not.toBe('#f56c6c')
  })
})

describe('project label', () => {
  test('the county is not repeated when the name already carries it', () => {
    expect(projectLabel({ county: '稷山县', name: '稷山县雪亮工程一期' })).toBe('稷山县雪亮工程一期')
    expect(projectLabel({ county: '稷山县', name: '雪亮工程二期' })).toBe('稷山县 雪亮工程二期')
    expect(projectLabel({ county: null, name: '雪亮工程' })).toBe('雪亮工程')
    expect(projectLabel(null)).toBe('')
  })
})
