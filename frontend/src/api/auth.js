import { http, API } from './http.js'

export const login = (username, password) =>
  http.post(`${API}/auth/login`, { form: { username, password }, skipAuthRedirect: true })
export const me = () => http.get(`${API}/auth/me`, { skipAuthRedirect: true })
export const logout = () => http.post(`${API}/auth/logout`, { skipAuthRedirect: true })
/** Changes the signed-in user's own password; answers the user as GET /auth/me does. */
export const changePassword = (currentPassword, newPassword) =>
  http.post(`${API}/auth/password`, { json: { currentPassword, newPassword } })
