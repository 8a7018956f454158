import { describe, expect, test } from 'vitest'
import { curveOption, timelineOption, costGaugeOption } from '../src/lib/charts.js'

const labels = { week: 'W', installed: 'I', planned: 'P', actual: 'A' }

describe('progress chart options', () => {
  test('the curve has one point per week and a markLine at the planned total', () => {
    const opt = curveOption([{ week: '2020-11-30', installed: 12 }, { week: '2020-12-07', installed: 30 }], 94, labels)
    expect(opt.series[0].data).toEqual([['2020-11-30', 12], ['2020-12-07', 30]])
    expect(opt.series[0].markLine.data).toEqual([{ yAxis: 94 }])
    expect(opt.yAxis.max).toBeGreaterThanOrEqual(94)
  })
  test('the timeline has a planned and an actual bar per item, missing actuals stay empty', () => {
    const opt = timelineOption(
      [
        { seq: 1, name: 'a', plannedDate: '2021-03-01', actualDate: '2021-04-01' },
        { seq: 2, name: 'b', plannedDate: '2021-05-01', actualDate: null },
      ],
      labels,
      '2020-11-30',
    )
    expect(opt.yAxis.data).toEqual(['2 b', '1 a'])
    expect(opt.series[0].data).toHaveLength(2)
    expect(opt.series[1].data[0]).toBeNull()
    expect(opt.xAxis.min).toBeLessThan(new Date('2020-11-30T00:00:00').getTime())
  })
  test('the gauge turns the pointer red over the ceiling', () => {
    expect(costGaugeOption(12, 10, 'x').series[0].pointer.itemStyle.color).toBe('#f56c6c')
    expect(costGaugeOption(5.7, 10, 'x').series[0].pointer.itemStyle.color).not.toBe('#f56c6c')
  })
})
