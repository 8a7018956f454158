import { http, API } from './http.js'

export const listAudit = (params) => http.get(`${API}/audit`, { query: params })
export const verifyAudit = () => http.get(`${API}/audit/verify`)
export const checkpointsFileUrl = `${API}/audit/checkpoints/file`
