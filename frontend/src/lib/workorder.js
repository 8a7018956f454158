// Work-order states, causes and deadlines as the pages show them (docs/WORKORDERS.md).
import { ApiError } from './problem.js'

export const WORK_ORDER_STATES = ['OPEN', 'ACCEPTED', 'ON_SITE', 'PENDING_CONFIRMATION', 'RESOLVED', 'CLOSED', 'CANCELLED']
/** States in which somebody still has to act: the technician's cards. */
export const ACTIVE_STATES = ['OPEN', 'ACCEPTED', 'ON_SITE', 'PENDING_CONFIRMATION']
export const CAUSES = ['POWER', 'NETWORK', 'DEVICE_FAULT', 'VANDALISM', 'OTHER']
export const FIGURE_GROUPS = ['technician', 'contractor', 'site', 'month']

const TAG_TYPES = {
  OPEN: 'danger',
  ACCEPTED: 'warning',
  ON_SITE: 'warning',
  PENDING_CONFIRMATION: 'primary',
  RESOLVED: 'success',
  CLOSED: 'info',
  CANCELLED: 'info',
}

export function stateTagType(state) {
  return TAG_TYPES[state] || 'info'
}

/**
 * What a move from `from` to `to` asks for on its form (the server checks it again: 422). The cause, action and parts
 * belong to resolving — or to a manager's close straight from 待确认, which confirms the cause too — and nowhere else.
 */
export function transitionNeeds(to, from = null) {
  const confirming = to === 'RESOLVED' || (to === 'CLOSED' && from === 'PENDING_CONFIRMATION')
  return {
    cause: confirming,
    details: confirming,
    photo: to === 'RESOLVED',
    note: to === 'CANCELLED',
    location: to === 'ON_SITE',
  }
}

/**
 * The deadline that is running for an order, or null once nothing is due: respond until accepted, repair until
 * repaired (a recovered order waits for a confirmation, not for a repair).
 */
export function runningDeadline(order) {
  if (!order || !ACTIVE_STATES.includes(order.state) || order.state === 'PENDING_CONFIRMATION') return null
  if (order.state === 'OPEN' && order.respondBy) return { kind: 'respond', at: order.respondBy }
  return order.repairBy ? { kind: 'repair', at: order.repairBy } : null
}

/** `{overdue, ms}`: how long until the deadline (ms ≥ 0) or how long past it. */
export function remaining(deadlineIso, now = Date.now()) {
  const diff = new Date(deadlineIso).getTime() - Number(now)
  return { overdue: diff < 0, ms: Math.abs(diff) }
}

/** Whether the order was repaired after its repair deadline (for the history of closed orders). */
export function repairedLate(order) {
  return !!(order && order.repairBy && order.repairedAt && new Date(order.repairedAt) > new Date(order.repairBy))
}

/**
 * The bundle key and fields of a failed work-order call, so the person reads it in their language instead of the
 * API's English detail: 409 (not allowed now, or changed meanwhile), 422 (named fields), 413 (photo too large).
 */
export function workOrderProblem(err) {
  if (!(err instanceof ApiError)) return null
  if (err.status === 409) return { key: 'workorder.problem.conflict', fields: [] }
  if (err.status === 413) return { key: 'workorder.problem.tooLarge', fields: [] }
  if (err.status === 422) {
    const fields = [...new Set(err.errors.map((e) => String(e.field || '').split(/[.[]/)[0]).filter(Boolean))]
    return { key: 'workorder.problem.invalid', fields }
  }
  if (err.status === 403) return { key: 'workorder.problem.forbidden', fields: [] }
  if (err.status === 404) return { key: 'workorder.problem.notFound', fields: [] }
  return null
}

/** Reads the phone's position once; resolves null when the browser has none, or the person says no. */
export function currentPosition(geolocation = typeof navigator !== 'undefined' ? navigator.geolocation : null, timeoutMs = 10000) {
  if (!geolocation) return Promise.resolve(null)
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (pos) => resolve({ latitude: round6(pos.coords.latitude), longitude: round6(pos.coords.longitude) }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60000 },
    )
  })
}

// The server keeps at most 6 decimals (about 10 cm), and refuses more.
function round6(x) {
  return Math.round(Number(x) * 1e6) / 1e6
}

/** The current month as YYYY-MM (local time). */
export function thisMonth(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`
}
