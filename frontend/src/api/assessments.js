import { http, API } from './http.js'
import { toQueryString } from '../lib/csrf.js'

const BASE = `${API}/assessments`

/** The project's monthly sheets (headers), newest month first. */
export const listAssessments = (projectId) => http.get(BASE, { query: { projectId } })
/** `{projectId, month:'YYYY-MM'}` → the sheet (a new DRAFT, or the month's DRAFT recomputed). */
export const computeAssessment = (projectId, month) => http.post(BASE, { json: { projectId, month } })
/** `{assessment:{…header}, indicators:{onlineRate:{value, measured, message, evidence}, …}, deductions:[…], score, groups, synthetic}` */
export const getAssessment = (id) => http.get(`${BASE}/${id}`)
/** An `evidence` link of an indicator or a deduction → `{title, detail, cameras:[{…, findings:[…]}]}`. */
export const getAssessmentEvidence = (link) => http.get(link)
export const signAssessment = (id, syntheticAccepted) => http.post(`${BASE}/${id}/sign`, { json: { syntheticAccepted } })
export const assessmentExportUrl = (id, format, lang) => `${BASE}/${id}/export${toQueryString({ format, lang })}`
export const getAssessmentTrend = (projectId, months = 12) => http.get(`${API}/projects/${projectId}/assessment-trend`, { query: { months } })
export const getAssessmentRules = (projectId) => http.get(`${API}/projects/${projectId}/assessment-rules`)
export const putAssessmentRules = (projectId, rules) => http.put(`${API}/projects/${projectId}/assessment-rules`, { json: { rules } })
/**
 * The indicators of a month grouped (`GET /api/v1/metrics/indicators`): `{indicator?, groupBy, month}` →
 * `{from, to, groupBy, synthetic, indicators:[{indicator, label, total:{…}, groups:[{key, label, achieved, expected, ratio, cameras, measuredCameras}]}]}`.
 */
export const getGroupedIndicators = (projectId, { indicator, groupBy, month } = {}) =>
  http.get(`${API}/metrics/indicators`, { query: { projectId, indicator, groupBy, month } })
