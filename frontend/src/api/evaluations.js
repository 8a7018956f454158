import { http, API } from './http.js'
import { toQueryString } from '../lib/csrf.js'

const BASE = `${API}/evaluations`

/** Page of evaluation headers. `params`: projectId, page, size, sort. */
export const listEvaluations = (params) => http.get(BASE, { query: params })
/** `{projectId, from, to, policy:{maintenance, unknown, qualityMetric}}` → the summary of the new DRAFT. */
export const createEvaluation = (body) => http.post(BASE, { json: body })
/**
 * `{evaluation:{…header}, totalWeight, totalScore, grade, gradeLabel, failedChecks, provisional, pendingRows,
 * synthetic, statusLabel, acknowledgements}`
 */
export const getEvaluation = (id) => http.get(`${BASE}/${id}`)
export const newVersion = (id) => http.post(`${BASE}/${id}/versions`)
export const listRows = (id) => http.get(`${BASE}/${id}/rows`)
/** Any of actual, note, overrideScore, overrideReason (null clears actual / the override). */
export const patchRow = (id, rowId, body) => http.patch(`${BASE}/${id}/rows/${rowId}`, { json: body })
export const getEvidence = (id, rowId) => http.get(`${BASE}/${id}/rows/${rowId}/evidence`)
export const listChecks = (id) => http.get(`${BASE}/${id}/checks`)
/** `{acknowledgements:[{code, rowId, reason}], syntheticAccepted}`: a reason per open warning; 422 lists what blocks. */
export const signEvaluation = (id, body = { acknowledgements: [], syntheticAccepted: false }) => http.post(`${BASE}/${id}/sign`, { json: body })
/** `{sections:[{seq, title, facts, prose}], header:{competentDepartment, implementingUnit, annualGoal, annualOutcome}}` */
export const getReport = (id) => http.get(`${BASE}/${id}/report`)
/** `{sections: [{seq, prose}], header: {…}}` — only the sections given change; the header when given. */
export const putReport = (id, { sections = [], header } = {}) =>
  http.put(`${BASE}/${id}/report`, { json: header ? { sections, header } : { sections } })

/** Download URL of an export in `lang` (zh-CN or en; same origin: the session cookie goes along). */
export const exportUrl = (id, format, lang) => `${BASE}/${id}/export${toQueryString({ format, lang })}`

/**
 * One device's evidence over a period: `{days:[rollup…], repairs:[…], maintenanceWindows:[…], figures}`.
 * `link` is the `timeline` path an evaluation's evidence item carries (period and policy included);
 * without it, the default policy over from…to.
 */
export const getDeviceTimeline = (deviceId, from, to, link) =>
  link ? http.get(link) : http.get(`${API}/metrics/devices/${deviceId}/timeline`, { query: { from, to } })
