import { http, API } from './http.js'

/** `{demo, version}`; public, so the login page can ask too (never redirects to /login). */
export const getSystemInfo = () => http.get(`${API}/system/info`, { skipAuthRedirect: true })
