import { describe, expect, test } from 'vitest'
import { formatRate, formatPct, formatCurrency, progressPercent, costChangeStatus, formatNumber, today } from '../src/lib/format.js'

describe('percentage formatting', () => {
  test('ratios become percentages with one decimal', () => {
    expect(formatRate(0.5714)).toBe('57.1%')
    expect(formatRate(1)).toBe('100.0%')
    expect(formatRate(1.25)).toBe('125.0%')
    expect(formatRate(0, 'en')).toBe('0.0%')
  })
  test('percentage points stay points', () => {
    expect(formatPct(5.7)).toBe('5.7%')
    expect(formatPct(10)).toBe('10.0%')
  })
  test('missing values show a dash', () => {
    expect(formatRate(null)).toBe('—')
    expect(formatPct(undefined)).toBe('—')
    expect(formatCurrency(null)).toBe('—')
  })
  test('progress bars clamp to 0..100', () => {
    expect(progressPercent(0.5714)).toBe(57.1)
    expect(progressPercent(1.3)).toBe(100)
    expect(progressPercent(-1)).toBe(0)
    expect(progressPercent(null)).toBe(0)
  })
})

describe('currency formatting', () => {
  test('yuan with separators and two decimals', () => {
    expect(formatCurrency(5265656.85)).toBe('¥5,265,656.85')
    expect(formatCurrency(4981700)).toBe('¥4,981,700.00')
    expect(formatCurrency(4981700, 'en')).toBe('¥4,981,700.00')
    expect(formatCurrency('12.5')).toBe('¥12.50')
  })
  test('plain numbers get separators', () => {
    expect(formatNumber(12345)).toBe('12,345')
  })
})

describe('cost against the ceiling', () => {
  test('5.7 % of a 10 % ceiling is within', () => {
    expect(costChangeStatus(5.7, 10)).toEqual({ percentOfCeiling: 57, over: false })
  })
  test('12 % is over and the bar is full', () => {
    expect(costChangeStatus(12, 10)).toEqual({ percentOfCeiling: 100, over: true })
  })
  test('exactly at the ceiling is not over', () => {
    expect(costChangeStatus(10, 10).over).toBe(false)
  })
})

test('today is a local YYYY-MM-DD', () => {
  expect(today(new Date(2021, 2, 2, 23, 59))).toBe('2021-03-02')
})
