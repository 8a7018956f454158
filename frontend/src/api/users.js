import { http, API } from './http.js'

const BASE = `${API}/users`
export const listUsers = (params) => http.get(BASE, { query: params })
export const getUser = (id) => http.get(`${BASE}/${id}`)
export const createUser = (user) => http.post(BASE, { json: user })
export const updateUser = (id, user) => http.put(`${BASE}/${id}`, { json: user })
export const deleteUser = (id) => http.delete(`${BASE}/${id}`)
export const unlockUser = (id) => http.post(`${BASE}/${id}/unlock`)
