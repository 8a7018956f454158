import { http, API } from './http.js'

const BASE = `${API}/maintenance-windows`

/** Page of windows overlapping [from, to) (ISO instants; both empty = all). */
export const listMaintenanceWindows = (params) => http.get(BASE, { query: params })
export const createMaintenanceWindow = (w) => http.post(BASE, { json: w })
export const updateMaintenanceWindow = (id, w) => http.put(`${BASE}/${id}`, { json: w })
export const deleteMaintenanceWindow = (id) => http.delete(`${BASE}/${id}`)
