import { describe, expect, test } from 'vitest'
import {
  DEVICE_STATES, stateColor, stateTagType, stateLabelKey, reasonKey, worstState, aggregateSites, applyStateEvent,
  countStates, filterDevices, backoffDelay, clockOffsetTooLarge, heartbeatLate,
} from '../src/lib/status.js'

describe('state colours and labels', () => {
  test('UP green, DEGRADED orange, DOWN red, UNKNOWN grey', () => {
    expect(stateColor('UP')).toBe('#67c23a')
    expect(stateColor('DEGRADED')).toBe('#e6a23c')
    expect(stateColor('DOWN')).toBe('#f56c6c')
    expect(stateColor('UNKNOWN')).toBe('#909399')
    expect(stateColor(null)).toBe('#c0c4cc')
  })
  test('tag types follow the colours', () => {
    expect(DEVICE_STATES.map(stateTagType)).toEqual(['success', 'warning', 'danger', 'info'])
  })
  test('labels are keys of the state family; anything unexpected reads as unknown', () => {
    expect(stateLabelKey('DOWN')).toBe('state.DOWN')
    expect(stateLabelKey('MAINTENANCE?')).toBe('state.UNKNOWN')
  })
  test('known reasons are translated, unknown ones are shown raw, none has no key', () => {
    expect(reasonKey('AUTH_FAILED')).toBe('reason.AUTH_FAILED')
    expect(reasonKey('SOMETHING_NEW')).toBeNull()
    expect(reasonKey(null)).toBeNull()
  })
})

describe('worst state of a site', () => {
  test('down beats degraded beats unknown beats up', () => {
    expect(worstState(['UP', 'DOWN', 'DEGRADED'])).toBe('DOWN')
    expect(worstState(['UP', 'DEGRADED', 'UNKNOWN'])).toBe('DEGRADED')
    expect(worstState(['UP', 'UNKNOWN'])).toBe('UNKNOWN')
    expect(worstState(['UP', 'UP'])).toBe('UP')
    expect(worstState([])).toBeNull()
  })

  test('sites aggregate their devices: counts, total and worst state; empty sites stay', () => {
    const sites = [
      { id: 1, name: '城区 1', latitude: 35.6, longitude: 110.97 },
      { id: 2, name: '清河镇', latitude: 35.5, longitude: 110.9 },
      { id: 3, name: '空点位', latitude: 35.4, longitude: 110.8 },
    ]
    const devices = [
      { deviceId: 10, siteId: 1, state: 'UP' },
      { deviceId: 11, siteId: 1, state: 'DOWN' },
      { deviceId: 12, siteId: 2, state: 'UNKNOWN' },
      { deviceId: 13, siteId: 2, state: 'UP' },
      { deviceId: 14, siteId: null, state: 'DOWN' },
    ]
    const bySite = Object.fromEntries(aggregateSites(sites, devices).map((e) => [e.site.id, e]))
    expect(bySite[1]).toMatchObject({ total: 2, worst: 'DOWN', counts: { UP: 1, DEGRADED: 0, DOWN: 1, UNKNOWN: 0 } })
    expect(bySite[2]).toMatchObject({ total: 2, worst: 'UNKNOWN' })
    expect(bySite[3]).toMatchObject({ total: 0, worst: null })
  })
})

describe('live state events on the board', () => {
  const board = () => ({
    total: { UP: 2, DEGRADED: 0, DOWN: 0, UNKNOWN: 1 },
    byCategory: { FACE_CAMERA: { UP: 2, DEGRADED: 0, DOWN: 0, UNKNOWN: 0 }, SWITCH: { UP: 0, DEGRADED: 0, DOWN: 0, UNKNOWN: 1 } },
    bySite: { 城区: { UP: 2, DEGRADED: 0, DOWN: 0, UNKNOWN: 1 } },
    devices: [
      { deviceId: 1, assetTag: 'A1', category: 'FACE_CAMERA', siteId: 5, siteName: '城区', state: 'UP', since: '2024-01-01T00:00:00Z', reason: null },
      { deviceId: 2, assetTag: 'A2', category: 'FACE_CAMERA', siteId: 5, siteName: '城区', state: 'UP', since: '2024-01-01T00:00:00Z', reason: null },
      { deviceId: 3, assetTag: 'S1', category: 'SWITCH', siteId: 5, siteName: '城区', state: 'UNKNOWN', since: null, reason: null },
    ],
  })

  test('a device going down moves one count from UP to DOWN everywhere and updates its row', () => {
    const before = board()
    const after = applyStateEvent(before, { deviceId: 2, from: 'UP', to: 'DOWN', at: '2024-03-01T08:00:00Z', reason: 'TIMEOUT' })
    expect(after.total).toEqual({ UP: 1, DEGRADED: 0, DOWN: 1, UNKNOWN: 1 })
    expect(after.byCategory.FACE_CAMERA).toEqual({ UP: 1, DEGRADED: 0, DOWN: 1, UNKNOWN: 0 })
    expect(after.byCategory.SWITCH).toEqual(before.byCategory.SWITCH)
    expect(after.bySite['城区']).toEqual({ UP: 1, DEGRADED: 0, DOWN: 1, UNKNOWN: 1 })
    expect(after.devices[1]).toMatchObject({ state: 'DOWN', since: '2024-03-01T08:00:00Z', reason: 'TIMEOUT' })
    expect(before.total.UP).toBe(2) // the input is left alone
    expect(before.devices[1].state).toBe('UP')
  })

  test('counts move from the state the board shows, even if the event says otherwise', () => {
    const after = applyStateEvent(board(), { deviceId: 3, from: 'DOWN', to: 'UP', at: '2024-03-01T08:00:00Z' })
    expect(after.total).toEqual({ UP: 3, DEGRADED: 0, DOWN: 0, UNKNOWN: 0 })
    expect(countStates(after.devices)).toEqual(after.total)
  })

  test('a repeated event changes the row but not the counts', () => {
    const once = applyStateEvent(board(), { deviceId: 1, to: 'DEGRADED', at: '2024-03-01T08:00:00Z', reason: 'NO_VIDEO' })
    const twice = applyStateEvent(once, { deviceId: 1, to: 'DEGRADED', at: '2024-03-01T08:00:00Z', reason: 'NO_VIDEO' })
    expect(twice.total).toEqual(once.total)
    expect(twice.total.DEGRADED).toBe(1)
  })

  test('events for devices not on the board leave it unchanged', () => {
    const b = board()
    expect(applyStateEvent(b, { deviceId: 99, to: 'DOWN' })).toBe(b)
    expect(applyStateEvent(null, { deviceId: 1, to: 'DOWN' })).toBeNull()
  })
})

describe('board filters', () => {
  const devices = [
    { siteId: 1, category: 'A', state: 'UP' },
    { siteId: 1, category: 'B', state: 'DOWN' },
    { siteId: 2, category: 'A', state: 'DOWN' },
  ]
  test('site (as string or number), category and state combine', () => {
    expect(filterDevices(devices, { siteId: '1' })).toHaveLength(2)
    expect(filterDevices(devices, { siteId: 1, state: 'DOWN' })).toHaveLength(1)
    expect(filterDevices(devices, { category: 'A', state: 'DOWN' })).toEqual([devices[2]])
    expect(filterDevices(devices, {})).toHaveLength(3)
  })
})

test('the stream reconnects after 1 s, 2 s, 4 s … at most 30 s', () => {
  expect([0, 1, 2, 3, 4, 5, 6, 20].map((a) => backoffDelay(a))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000])
})

test('a clock more than 5 minutes off is highlighted, either way', () => {
  expect(clockOffsetTooLarge(300001)).toBe(true)
  expect(clockOffsetTooLarge('-400000')).toBe(true)
  expect(clockOffsetTooLarge(300000)).toBe(false)
  expect(clockOffsetTooLarge(null)).toBe(false)
})

test('an agent heartbeat older than 2 minutes, or none, is late', () => {
  const now = Date.parse('2024-03-01T08:00:00Z')
  expect(heartbeatLate('2024-03-01T07:59:00Z', now)).toBe(false)
  expect(heartbeatLate('2024-03-01T07:57:59Z', now)).toBe(true)
  expect(heartbeatLate(null, now)).toBe(true)
})
