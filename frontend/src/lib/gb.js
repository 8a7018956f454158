// GB/T 28181 view helpers: the device page's 国标 tab.

/** Tag colour per channel status (the channel's own, as its recorder reports it). */
const CHANNEL_TAG = { ON: 'success', OFF: 'danger', VLOST: 'warning', DEFECT: 'warning' }

export function channelTagType(status) {
  return CHANNEL_TAG[status] || 'info'
}

/** The message key of a channel status or event code; unknown codes show as they are. */
export function channelStatusKey(code) {
  return code && Object.hasOwn(CHANNEL_TAG, code) ? `gb.status.${code}` : null
}

export function eventKey(code) {
  return ['ON', 'OFF', 'VLOST', 'DEFECT', 'ADD', 'DEL', 'UPDATE'].includes(code) ? `gb.event.${code}` : null
}

/** registered | lapsed (expired without unregistering) | unregistered (Expires 0) | never. */
export function registrationState(reg) {
  if (!reg || !reg.registeredAt) return 'never'
  if (reg.registered) return 'registered'
  if (reg.unregisteredAt && (!reg.registeredAt || reg.unregisteredAt >= reg.registeredAt)) return 'unregistered'
  return 'lapsed'
}

/** Share of the queried window the stored recordings cover (0…1), or null without a finished query. */
export function recordCoverage(query) {
  if (!query || !query.windowStart || !query.windowEnd) return null
  const window = (Date.parse(query.windowEnd) - Date.parse(query.windowStart)) / 1000
  if (!(window > 0)) return null
  return Math.min(1, Math.max(0, Number(query.recordedSeconds) / window))
}
