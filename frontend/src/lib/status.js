// Device monitoring state (SPEC §5) as the UI shows it: colours, severity, the board's counts and
// how a live state event changes them. Pure functions, unit-tested.

/** Display order of the state cards and filters. */
export const DEVICE_STATES = ['UP', 'DEGRADED', 'DOWN', 'UNKNOWN']

/** Reasons a probe gives (agents' `Reason` enum); translated as `reason.<CODE>`. */
export const REASONS = [
  'OK', 'UNREACHABLE', 'REFUSED', 'TIMEOUT', 'AUTH_FAILED', 'BAD_RESPONSE', 'NO_VIDEO', 'BLACK_VIDEO',
  'FROZEN_VIDEO', 'CLOCK_DRIFT', 'UPLINK_DOWN', 'ON_BATTERY',
  // GB/T 28181 (docs/GB28181.md "Status")
  'GB_KEEPALIVE_TIMEOUT', 'GB_UNREGISTERED', 'GB_CHANNEL_OFF', 'VIDEO_LOST', 'GB_CHANNEL_DEFECT',
  // scheduled picture-quality check (docs/VQD.md)
  'VQD_FAULT',
]

/** Element Plus palette: UP green, DEGRADED orange, DOWN red, UNKNOWN grey. */
export const STATE_COLORS = Object.freeze({
  UP: '#67c23a',
  DEGRADED: '#e6a23c',
  DOWN: '#f56c6c',
  UNKNOWN: '#909399',
})
const NO_DEVICES_COLOR = '#c0c4cc'

export function stateColor(state) {
  return STATE_COLORS[state] || NO_DEVICES_COLOR
}

/** ElTag type per state. */
export function stateTagType(state) {
  switch (state) {
    case 'UP':
      return 'success'
    case 'DEGRADED':
      return 'warning'
    case 'DOWN':
      return 'danger'
    default:
      return 'info'
  }
}

/** i18n key of a state's label ("state.UP" → 正常). Unknown values fall back to UNKNOWN. */
export function stateLabelKey(state) {
  return `state.${DEVICE_STATES.includes(state) ? state : 'UNKNOWN'}`
}

/**
 * The last probe latency as shown ("12 ms"), or null when there is none to show: a DOWN device's last
 * successful latency is stale and says nothing about a device that does not answer.
 */
export function latencyText(state, latencyMs) {
  if (state === 'DOWN' || latencyMs === null || latencyMs === undefined || latencyMs === '') return null
  return `${latencyMs} ms`
}

/** i18n key of a reason, or null when there is none (UP) or it is not one we know (shown raw). */
export function reasonKey(reason) {
  return reason && REASONS.includes(reason) ? `reason.${reason}` : null
}

// Worst first. UNKNOWN (not measured) ranks below DEGRADED: it is never counted as a fault,
// but a site whose devices are silent is still worth a look before an all-green one.
const SEVERITY = { DOWN: 3, DEGRADED: 2, UNKNOWN: 1, UP: 0 }

/** The worst of the given states (null for none). */
export function worstState(states) {
  let worst = null
  for (const s of states) {
    const state = DEVICE_STATES.includes(s) ? s : 'UNKNOWN'
    if (worst === null || SEVERITY[state] > SEVERITY[worst]) worst = state
  }
  return worst
}

export function emptyCounts() {
  return { UP: 0, DEGRADED: 0, DOWN: 0, UNKNOWN: 0 }
}

/** Counts of the given device rows by state. */
export function countStates(devices) {
  const c = emptyCounts()
  for (const d of devices || []) c[DEVICE_STATES.includes(d.state) ? d.state : 'UNKNOWN'] += 1
  return c
}

/**
 * Per site: device counts by state, total and worst state. `sites` are `/sites` rows (with
 * latitude/longitude); `devices` are summary rows (`siteId`, `state`). Sites without devices are
 * kept (worst = null) so the map shows them.
 */
export function aggregateSites(sites, devices) {
  const bySite = new Map()
  for (const s of sites || []) {
    bySite.set(String(s.id), { site: s, counts: emptyCounts(), total: 0, worst: null })
  }
  for (const d of devices || []) {
    if (d.siteId === null || d.siteId === undefined) continue
    const key = String(d.siteId)
    if (!bySite.has(key)) bySite.set(key, { site: { id: d.siteId, name: d.siteName }, counts: emptyCounts(), total: 0, worst: null })
    const entry = bySite.get(key)
    const state = DEVICE_STATES.includes(d.state) ? d.state : 'UNKNOWN'
    entry.counts[state] += 1
    entry.total += 1
  }
  for (const entry of bySite.values()) {
    entry.worst = worstState(DEVICE_STATES.filter((s) => entry.counts[s] > 0))
  }
  return [...bySite.values()]
}

function moveCount(counts, from, to) {
  if (!counts) return counts
  const next = { ...emptyCounts(), ...counts }
  if (from && next[from] > 0) next[from] -= 1
  next[to] = (next[to] || 0) + 1
  return next
}

/**
 * Applies one `state` event from the live stream (`{deviceId, from, to, at, reason}`) to the board
 * (the `/status/summary` answer) and returns the new board; the input is not modified. The device's
 * counts move from the state the board had for it to `to` (in total, its category and its site).
 * Events for devices not on the board (another project, not installed) leave it unchanged.
 */
export function applyStateEvent(board, event) {
  if (!board || !event || !Array.isArray(board.devices)) return board
  const idx = board.devices.findIndex((d) => String(d.deviceId) === String(event.deviceId))
  if (idx < 0 || !DEVICE_STATES.includes(event.to)) return board
  const device = board.devices[idx]
  const from = DEVICE_STATES.includes(device.state) ? device.state : 'UNKNOWN'
  const updated = { ...device, state: event.to, since: event.at ?? device.since, reason: event.reason ?? null }
  const devices = board.devices.slice()
  devices[idx] = updated
  if (from === event.to) return { ...board, devices }
  const siteKey = device.siteName || '-'
  return {
    ...board,
    devices,
    total: moveCount(board.total, from, event.to),
    byCategory: board.byCategory && device.category in board.byCategory
      ? { ...board.byCategory, [device.category]: moveCount(board.byCategory[device.category], from, event.to) }
      : board.byCategory,
    bySite: board.bySite && siteKey in board.bySite
      ? { ...board.bySite, [siteKey]: moveCount(board.bySite[siteKey], from, event.to) }
      : board.bySite,
  }
}

/** Board rows matching the filters (any of them may be empty). */
export function filterDevices(devices, { siteId, category, state } = {}) {
  return (devices || []).filter(
    (d) =>
      (siteId === null || siteId === undefined || siteId === '' || String(d.siteId) === String(siteId)) &&
      (!category || d.category === category) &&
      (!state || d.state === state),
  )
}

/** Reconnect delay for the live stream: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffDelay(attempt, base = 1000, max = 30000) {
  return Math.min(max, base * 2 ** Math.max(0, attempt))
}

/** Clock offsets beyond this many milliseconds are highlighted (5 minutes). */
export const CLOCK_OFFSET_LIMIT_MS = 300000

/** A clock offset as "+2m 5s", "−350 ms" (device − server); null when there is none. `duration` formats ≥ 1 s. */
export function formatClockOffset(offsetMs, duration) {
  const n = Number(offsetMs)
  if (offsetMs === undefined || offsetMs === null || offsetMs === '' || !Number.isFinite(n)) return null
  const sign = n > 0 ? '+' : n < 0 ? '−' : ''
  return `${sign}${Math.abs(n) >= 1000 ? duration(Math.abs(n)) : `${Math.abs(n)} ms`}`
}

export function clockOffsetTooLarge(offsetMs) {
  const n = Number(offsetMs)
  return offsetMs !== null && offsetMs !== undefined && offsetMs !== '' && Number.isFinite(n) && Math.abs(n) > CLOCK_OFFSET_LIMIT_MS
}

/** Agents whose last heartbeat is older than this are shown as late (2 minutes). */
export const HEARTBEAT_LATE_MS = 120000

export function heartbeatLate(lastHeartbeatAt, now = Date.now()) {
  if (!lastHeartbeatAt) return true
  const at = new Date(lastHeartbeatAt).getTime()
  return Number.isNaN(at) || now - at > HEARTBEAT_LATE_MS
}
