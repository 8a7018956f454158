import { describe, expect, test } from 'vitest'
import DeviceGbPanel from '../../src/components/DeviceGbPanel.vue'
import { mountIn, recordFetch } from './mount.js'

const NVR = '14082400001180000001'
const VIEW = {
  code: NVR,
  ledgerDeviceId: 7,
  registration: {
    registered: true, address: '127.20.0.9', port: 15060, transport: 'TCP', expiresSeconds: 3600,
    registeredAt: '2026-12-06T01:00:00Z', expiresAt: '2026-12-06T02:00:00Z', unregisteredAt: null,
    lastKeepaliveAt: '2026-12-06T01:30:00Z', keepaliveCount: 31, manufacturer: '海康威视', model: 'DS-7816N-K2',
    firmware: 'V4.30', channelCount: 2, clockOffsetMs: -5000, statusOnline: 'ONLINE', statusRecord: 'ON',
    alarmStatus: 'ONDUTY', statusAt: '2026-12-06T01:20:00Z', catalogAt: '2026-12-06T01:01:00Z',
    subscribedUntil: '2026-12-06T02:00:00Z', subscribeRefusal: null,
  },
  channels: [
    { code: '14082400001310000001', name: '大门', status: 'ON', lastEvent: null, eventAt: null, removedAt: null, ledgerDeviceId: 8,
      lastRecordQuery: { queriedAt: '2026-12-06T01:10:00Z', windowStart: '2026-12-05T01:10:00Z', windowEnd: '2026-12-06T01:10:00Z', outcome: 'OK', intervalCount: 3, recordedSeconds: 43200 } },
    { code: '14082400001310000002', name: '后院', status: 'VLOST', lastEvent: 'VLOST', eventAt: '2026-12-06T01:15:00Z', removedAt: null, ledgerDeviceId: null, lastRecordQuery: null },
  ],
  channelOf: [],
}

describe('the 国标 tab', () => {
  test('shows the registration, the clock offset and each channel with its own status and recordings', async () => {
    const calls = recordFetch(() => ({ body: VIEW }))
    const w = await mountIn(DeviceGbPanel, { deviceId: 7 })
    expect(calls[0].url).toContain('/api/v1/devices/7/gb')
    expect(w.find('[data-testid="gb-registration-state"]').text()).toBe('已注册')
    expect(w.find('[data-testid="gb-address"]').text()).toBe('127.20.0.9:15060')
    expect(w.find('[data-testid="gb-transport"]').text()).toBe('TCP')
    expect(w.find('[data-testid="gb-clock-offset"]').text()).toBe('−5秒')
    const rows = w.findAll('[data-testid="gb-channels"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('在线')
    expect(rows[0].text()).toContain('已完成 · 录像覆盖 50.0%')
    expect(rows[1].find('[data-status]').text()).toBe('视频丢失')
    expect(rows[1].text()).toContain('未入台账')
    expect(w.text()).not.toMatch(/\bVLOST\b|\bONDUTY\b/)
    w.unmount()
  })

  test('a device without a national code says so instead of an error', async () => {
    recordFetch(() => ({ status: 404, body: { title: 'Not found', status: 404, detail: 'GB/T 28181 code of device 9 does not exist' } }))
    const w = await mountIn(DeviceGbPanel, { deviceId: 9 })
    expect(w.find('[data-testid="gb-no-code"]').text()).toContain('未填写国标编码')
    w.unmount()
  })

  test('in English', async () => {
    recordFetch(() => ({ body: VIEW }))
    const w = await mountIn(DeviceGbPanel, { deviceId: 7 }, { locale: 'en' })
    expect(w.find('[data-testid="gb-registration-state"]').text()).toBe('Registered')
    expect(w.findAll('[data-testid="gb-channels"] tbody tr')[1].find('[data-status]').text()).toBe('Video lost')
    w.unmount()
  })
})
