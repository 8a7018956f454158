import { http, API } from './http.js'

/** Board data: counts by state/category/site and one row per installed device. */
export const getStatusSummary = (projectId) => http.get(`${API}/status/summary`, { query: { projectId } })
export const getDeviceStatus = (id) => http.get(`${API}/devices/${id}/status`)
/** State intervals overlapping [from, to) (ISO instants). */
export const getDeviceStates = (id, from, to) => http.get(`${API}/devices/${id}/states`, { query: { from, to } })
export const getDeviceOutages = (id, from, to) => http.get(`${API}/devices/${id}/outages`, { query: { from, to } })
/** Raw probe results, newest first. */
export const getDeviceProbes = (id, from, to, limit = 2000) => http.get(`${API}/devices/${id}/probes`, { query: { from, to, limit } })

/** Server-sent events of state changes (event name `state`); same-origin, the session cookie goes along. */
export const STATUS_STREAM_URL = `${API}/status/stream`
