import { http, API } from './http.js'

// Stocktake (盘点) sessions, scans, reports and audit intervals: docs/STOCKTAKE.md, docs/API.md "Stocktake".
const BASE = `${API}/stocktakes`

export const listStocktakes = (params) => http.get(BASE, { query: params })
export const getStocktake = (id) => http.get(`${BASE}/${id}`)
export const openStocktake = (scope) => http.post(BASE, { json: scope })
export const scanStocktake = (id, scan) => http.post(`${BASE}/${id}/scans`, { json: scan })
export const closeStocktake = (id, applyLocationChanges) => http.post(`${BASE}/${id}/close`, { json: { applyLocationChanges } })
export const stocktakeReport = (id) => http.get(`${BASE}/${id}/report`)
export const stocktakeIntervals = (projectId) => http.get(`${API}/projects/${projectId}/stocktake-intervals`)
export const saveStocktakeIntervals = (projectId, intervals) =>
  http.put(`${API}/projects/${projectId}/stocktake-intervals`, { json: { intervals } })
export const stocktakeDue = (projectId, withinDays) =>
  http.get(`${API}/projects/${projectId}/stocktake-due`, { query: { withinDays } })
