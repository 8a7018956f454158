import { http, API } from './http.js'

/** What the GB/T 28181 server knows of a ledger device (404 when it has no gbCode). */
export const getDeviceGb = (id) => http.get(`${API}/devices/${id}/gb`)
