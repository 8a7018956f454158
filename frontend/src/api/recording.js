import { http, API } from './http.js'

/** 录像完整率 of a camera over county days (from/to YYYY-MM-DD, both inclusive; default the last 7 days). */
export const getDeviceRecordings = (id, params = {}) => http.get(`${API}/devices/${id}/recordings`, { query: params })
/** 录像完整率 of a project's cameras, grouped by site | township | category. */
export const getProjectRecordingCompleteness = (id, params = {}) =>
  http.get(`${API}/projects/${id}/recording-completeness`, { query: params })
