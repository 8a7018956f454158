import { http, API, itemsOf } from './http.js'

/** All projects the user may see (the API may answer a page or a plain array). */
export const listProjects = async () => itemsOf(await http.get(`${API}/projects`, { query: { size: 500 } }))
export const getProject = (id) => http.get(`${API}/projects/${id}`)
export const listConstructionItems = async (id) => itemsOf(await http.get(`${API}/projects/${id}/construction-items`))
