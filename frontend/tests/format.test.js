import { describe, expect, test } from 'vitest'
import { formatRate, formatPct, formatCurrency, progressPercent, costChangeStatus, formatNumber, today, formatRelative, formatDuration, formatBytes, toLocalInput, fromLocalInput } from '../src/lib/format.js'

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

describe('relative time', () => {
  const now = Date.parse('2024-03-01T08:00:00Z')
  test('minutes, hours and days ago in Chinese and English', () => {
    expect(formatRelative('2024-03-01T07:55:00Z', now, 'zh-CN')).toBe('5分钟前')
    expect(formatRelative('2024-03-01T07:55:00Z', now, 'en')).toBe('5 minutes ago')
    expect(formatRelative('2024-03-01T05:00:00Z', now, 'en')).toBe('3 hours ago')
    expect(formatRelative('2024-02-28T08:00:00Z', now, 'en')).toBe('2 days ago')
    expect(formatRelative('2024-03-01T07:59:30Z', now, 'en')).toBe('30 seconds ago')
  })
  test('a few seconds is "now"; the future reads as "in …"', () => {
    expect(formatRelative('2024-03-01T07:59:55Z', now, 'en')).toBe('now')
    expect(formatRelative('2024-03-01T07:59:55Z', now, 'zh-CN')).toBe('现在')
    expect(formatRelative('2024-03-01T10:00:00Z', now, 'en')).toBe('in 2 hours')
  })
  test('missing or broken values', () => {
    expect(formatRelative(null, now)).toBe('—')
    expect(formatRelative('not a date', now)).toBe('not a date')
  })
})

describe('durations and sizes', () => {
  test('the two largest units', () => {
    expect(formatDuration(93784000)).toBe('1d 2h')
    expect(formatDuration(3723000)).toBe('1h 2m')
    expect(formatDuration(45000)).toBe('45s')
    expect(formatDuration(0)).toBe('0s')
    expect(formatDuration(5400000, { d: '天', h: '小时', m: '分', s: '秒' })).toBe('1小时 30分')
    expect(formatDuration(null)).toBe('—')
  })
  test('bytes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB')
    expect(formatBytes(null)).toBe('—')
  })
})

test('datetime-local values round-trip through ISO instants in local time', () => {
  const iso = new Date(2024, 2, 1, 9, 30).toISOString()
  expect(toLocalInput(iso)).toBe('2024-03-01T09:30')
  expect(fromLocalInput('2024-03-01T09:30')).toBe(iso)
  expect(fromLocalInput('2024-03-01')).toBe(new Date(2024, 2, 1).toISOString())
  expect(fromLocalInput('')).toBeNull()
})
