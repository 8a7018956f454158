import { http, API, itemsOf } from './http.js'

export const listCategories = async () => itemsOf(await http.get(`${API}/categories`))
