import { http, API } from './http.js'

/** What the GB/T 28181 server knows of a ledger device (404 when it has no gbCode). */
export const getDeviceGb = (id) => http.get(`${API}/devices/${id}/gb`)

/** GB/T 28181 registrations whose national code no ledger device carries (发现). */
export const listDiscoveredGb = () => http.get(`${API}/gb28181/discovered`)
/** Creates the ledger device of a registration: { projectId, siteId, category, name?, assetTag? }. */
export const adoptGb = (code, body) => http.post(`${API}/gb28181/registrations/${encodeURIComponent(code)}/adopt`, { json: body })
