import { http, API } from './http.js'

const BASE = `${API}/agents`

export const listAgents = (params) => http.get(BASE, { query: params })
/** Answers `{agent, token}`: the token is in this one response only. */
export const createAgent = (agent) => http.post(BASE, { json: agent })
export const revokeAgent = (id) => http.delete(`${BASE}/${id}`)
/** Renames an agent or moves it to another probe zone; its token stays valid. */
export const updateAgent = (id, agent) => http.put(`${BASE}/${id}`, { json: agent })
