import { http, API, itemsOf } from './http.js'

export const listSites = async () => itemsOf(await http.get(`${API}/sites`, { query: { size: 500 } }))

/** The county/township boundary GeoJSON under the site map, or null when none was uploaded (204). */
export const getSiteBoundary = () => http.get(`${API}/sites/boundary`)
/** Admin: stores `geojson` (an object) in place of any boundary. Answers `{sha256, polygons, uploadedBy, uploadedAt}`. */
export const putSiteBoundary = (geojson) => http.put(`${API}/sites/boundary`, { json: geojson })
export const deleteSiteBoundary = () => http.delete(`${API}/sites/boundary`)
