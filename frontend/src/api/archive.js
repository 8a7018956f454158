import { http, API } from './http.js'

// 一机一档 (docs/ARCHIVE.md): a camera's archive, a project's archives, rates, mismatches, Excel export and import.
export const getArchive = (deviceId) => http.get(`${API}/devices/${deviceId}/archive`)
export const putArchive = (deviceId, archive) => http.put(`${API}/devices/${deviceId}/archive`, { json: archive })
export const listArchiveVersions = (deviceId) => http.get(`${API}/devices/${deviceId}/archive/versions`)
export const listArchives = (projectId, params) => http.get(`${API}/projects/${projectId}/archives`, { query: params })
export const getArchiveRates = (projectId, groupBy) => http.get(`${API}/projects/${projectId}/archive-rates`, { query: { groupBy } })
export const listArchiveMismatches = (projectId) => http.get(`${API}/projects/${projectId}/archive-mismatches`)
export const archiveExportUrl = (projectId) => `${API}/projects/${projectId}/archives/export`

/** Multipart upload of the 一机一档 workbook (or CSV); all rows or none. */
export function importArchives(projectId, file, dryRun) {
  const fd = new FormData()
  fd.append('file', file)
  return http.post(`${API}/projects/${projectId}/archives/import`, { query: { dryRun: dryRun ? 'true' : 'false' }, multipart: fd })
}

/** The enumerations of the archive (codes; labels under archive.codes.<field>.<CODE> in the locales). */
export const ARCHIVE_CODES = {
  cameraType: ['DOME', 'HALF_DOME', 'FIXED_BULLET', 'REMOTE_BULLET'],
  positionType: ['PROVINCIAL_CHECKPOINT', 'GOVERNMENT', 'STATION_PORT', 'CENTRAL_SQUARE', 'STADIUM', 'COMMERCIAL_CENTRE',
    'RELIGIOUS_SITE', 'CAMPUS', 'COMPLEX_AREA', 'TRAFFIC_ARTERY'],
  roomType: ['OUTDOOR', 'INDOOR'],
  supplyLight: ['NONE', 'INFRARED', 'WHITE', 'LASER', 'OTHER'],
  direction: ['E', 'W', 'S', 'N', 'SE', 'NE', 'SW', 'NW'],
  pointClass: ['CLASS_1', 'CLASS_2', 'CLASS_3'],
  functions: ['VIDEO', 'FACE', 'VEHICLE', 'STRUCTURED'],
}
