import { http, API } from './http.js'
import { toQueryString } from '../lib/csrf.js'

const BASE = `${API}/devices`

/** Page of devices. `params`: projectId, category, siteId, lifecycle, q, page, size, sort. */
export const listDevices = (params) => http.get(BASE, { query: params })
export const getDevice = (id) => http.get(`${BASE}/${id}`)
export const createDevice = (device) => http.post(BASE, { json: device })
export const updateDevice = (id, device) => http.put(`${BASE}/${id}`, { json: device })
export const deleteDevice = (id) => http.delete(`${BASE}/${id}`)
export const getLifecycle = (id) => http.get(`${BASE}/${id}/lifecycle`)
export const moveLifecycle = (id, to, date) => http.post(`${BASE}/${id}/lifecycle`, { json: { to, date } })

/** Multipart upload of a CSV/XLSX file; the CSRF header is added by the client like any POST. */
export function importDevices(file, dryRun) {
  const fd = new FormData()
  fd.append('file', file)
  return http.post(`${BASE}/import`, { query: { dryRun: dryRun ? 'true' : 'false' }, multipart: fd })
}

/** URL of the export download for the given filters (page/size/sort are not part of it). */
export function exportUrl(format, filters = {}) {
  const { page, size, sort, ...rest } = filters
  return `${BASE}/export${toQueryString({ format, ...rest })}`
}
