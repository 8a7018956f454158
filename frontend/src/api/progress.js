import { http, API } from './http.js'

export const getProgress = (projectId) => http.get(`${API}/projects/${projectId}/progress`)
