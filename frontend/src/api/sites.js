import { http, API, itemsOf } from './http.js'

export const listSites = async () => itemsOf(await http.get(`${API}/sites`, { query: { size: 500 } }))
