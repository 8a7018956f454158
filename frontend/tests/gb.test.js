import { describe, expect, test } from 'vitest'
import { channelStatusKey, channelTagType, eventKey, recordCoverage, registrationState } from '../src/lib/gb.js'
import { formatClockOffset } from '../src/lib/status.js'

describe('GB/T 28181 view helpers', () => {
  test('registration states', () => {
    expect(registrationState(null)).toBe('never')
    expect(registrationState({ registeredAt: null })).toBe('never')
    expect(registrationState({ registered: true, registeredAt: '2026-12-06T01:00:00Z' })).toBe('registered')
    expect(registrationState({ registered: false, registeredAt: '2026-12-06T01:00:00Z', unregisteredAt: '2026-12-06T02:00:00Z' })).toBe('unregistered')
    expect(registrationState({ registered: false, registeredAt: '2026-12-06T01:00:00Z', unregisteredAt: null })).toBe('lapsed')
  })

  test('channel statuses and events map to words and colours; unknown codes do not', () => {
    expect(channelTagType('ON')).toBe('success')
    expect(channelTagType('OFF')).toBe('danger')
    expect(channelTagType('VLOST')).toBe('warning')
    expect(channelTagType('WHATEVER')).toBe('info')
    expect(channelStatusKey('VLOST')).toBe('gb.status.VLOST')
    expect(channelStatusKey('toString')).toBeNull()
    expect(eventKey('DEL')).toBe('gb.event.DEL')
    expect(eventKey('REBOOT')).toBeNull()
  })

  test('recording coverage is the share of the window, capped, null without a window', () => {
    const q = { windowStart: '2026-12-05T00:00:00Z', windowEnd: '2026-12-06T00:00:00Z', recordedSeconds: 43200 }
    expect(recordCoverage(q)).toBe(0.5)
    expect(recordCoverage({ ...q, recordedSeconds: 90000 })).toBe(1)
    expect(recordCoverage({ ...q, windowEnd: q.windowStart })).toBeNull()
    expect(recordCoverage(null)).toBeNull()
  })

  test('clock offsets carry their sign', () => {
    const d = (ms) => `${ms / 1000}s`
    expect(formatClockOffset(-350, d)).toBe('−350 ms')
    expect(formatClockOffset(5000, d)).toBe('+5s')
    expect(formatClockOffset(0, d)).toBe('0 ms')
    expect(formatClockOffset(null, d)).toBeNull()
  })
})
