import { http, API } from './http.js'

/** Board data: counts by state/category/site and one row per installed device with its sources; `source` narrows it. */
export const getStatusSummary = (projectId, source) => http.get(`${API}/status/summary`, { query: { projectId, source } })

/** The status sources a device can have, in the order the board lists them. */
export const STATUS_SOURCES = ['GB28181', 'ONVIF', 'SNMP', 'TCP', 'ICMP', 'RTSP']
export const getDeviceStatus = (id) => http.get(`${API}/devices/${id}/status`)
/** State intervals overlapping [from, to) (ISO instants). */
export const getDeviceStates = (id, from, to) => http.get(`${API}/devices/${id}/states`, { query: { from, to } })
export const getDeviceOutages = (id, from, to) => http.get(`${API}/devices/${id}/outages`, { query: { from, to } })
/** Raw probe results, newest first. */
export const getDeviceProbes = (id, from, to, limit = 2000) => http.get(`${API}/devices/${id}/probes`, { query: { from, to, limit } })

/** Server-sent events of state changes (event name `state`); same-origin, the session cookie goes along. */
export const STATUS_STREAM_URL = `${API}/status/stream`
