import { http, API } from './http.js'

const BASE = `${API}/work-orders`

/** Page of orders (newest opened first). `params`: state, deviceId, projectId, assignee, page, size. */
export const listWorkOrders = (params) => http.get(BASE, { query: params })
/** One order with its `events`, `photos` and `next` (the states the caller may move it to). */
export const getWorkOrder = (id) => http.get(`${BASE}/${id}`)
/** `{deviceIds, reason, assignee?}` → the new order. */
export const openWorkOrder = (body) => http.post(BASE, { json: body })
/** `{to, note?, cause?, actionTaken?, partsReplaced?, latitude?, longitude?, assignee?, version?}` → the order after the move. */
export const moveWorkOrder = (id, body) => http.post(`${BASE}/${id}/transitions`, { json: body })

export function addWorkOrderPhoto(id, file) {
  const fd = new FormData()
  fd.append('file', file)
  return http.post(`${BASE}/${id}/photos`, { multipart: fd })
}

export const photoUrl = (orderId, photoId) => `${BASE}/${orderId}/photos/${photoId}`

/** `{projectId, month?: 'YYYY-MM', groupBy: technician|contractor|site|month}`. */
export const getWorkOrderFigures = (params) => http.get(`${BASE}/figures`, { query: params })

/** The users a manager may assign the project's orders to: `[{username, displayName}]`, by user name. */
export const listWorkOrderAssignees = (projectId) => http.get(`${API}/projects/${projectId}/work-order-assignees`)

export const getSlaRules = (projectId) => http.get(`${API}/projects/${projectId}/work-order-sla-rules`)
export const putSlaRules = (projectId, rules) => http.put(`${API}/projects/${projectId}/work-order-sla-rules`, { json: { rules } })
