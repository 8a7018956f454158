import { http, API } from './http.js'

const query = (params) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}

/** A device's clock samples (county days from..to, inclusive; default the last 7) and its latest sample per source. */
export const getDeviceClock = (id, from, to) => http.get(`${API}/devices/${id}/clock${query({ from, to })}`)

/** The project's cameras whose clock was beyond the threshold (default the last 7 days), worst first. */
export const getClockOffenders = (projectId, { from, to, limit } = {}) =>
  http.get(`${API}/projects/${projectId}/clock-offenders${query({ from, to, limit })}`)

/** 时钟准确率 of the project for a period, grouped by project|site|township|category|device. */
export const getClockAccuracy = (projectId, { from, to, groupBy } = {}) =>
  http.get(`${API}/projects/${projectId}/clock-accuracy${query({ from, to, groupBy })}`)
