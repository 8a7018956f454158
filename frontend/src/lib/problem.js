// RFC 9457 problem details → what the UI shows.

export class ApiError extends Error {
  constructor(status, problem, url) {
    const p = problem || {}
    super(p.detail || p.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.problem = p
    this.url = url
  }
  get title() {
    return this.problem.title || null
  }
  get detail() {
    return this.problem.detail || null
  }
  get errors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : []
  }
}

/**
 * Field errors of a problem (`errors:[{field,message}]`) as `{field: message}`; several
 * messages for one field are joined. Nested paths (`projectIds[0]`) are kept verbatim and
 * also reported under their root name so the form item for the whole field shows them.
 * Import row errors (`{row,column,reason}`) are not field errors and are skipped.
 */
export function fieldErrors(problemOrError) {
  const problem = problemOrError instanceof ApiError ? problemOrError.problem : problemOrError
  const out = {}
  const list = problem && Array.isArray(problem.errors) ? problem.errors : []
  const add = (key, msg) => {
    out[key] = out[key] ? `${out[key]}; ${msg}` : msg
  }
  for (const e of list) {
    if (!e || typeof e.field !== 'string' || !e.field) continue
    const msg = e.message || e.reason || ''
    add(e.field, msg)
    const root = e.field.split(/[.[]/)[0]
    if (root && root !== e.field) add(root, msg)
  }
  return out
}

/** Import problem rows (`errors:[{row,column,reason}]`) sorted by row, then column. */
export function importRowErrors(problemOrError) {
  const problem = problemOrError instanceof ApiError ? problemOrError.problem : problemOrError
  const list = problem && Array.isArray(problem.errors) ? problem.errors : []
  return list
    .filter((e) => e && (e.row !== undefined || e.reason !== undefined))
    .map((e) => ({ row: e.row ?? null, column: e.column ?? e.field ?? '', reason: e.reason ?? e.message ?? '' }))
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || String(a.column).localeCompare(String(b.column)))
}

/** One line for a toast: "title: detail" (or whichever exists), falling back to the HTTP status. */
export function problemMessage(problemOrError, fallback = '') {
  const problem = problemOrError instanceof ApiError ? problemOrError.problem : problemOrError || {}
  const status = problemOrError instanceof ApiError ? problemOrError.status : problem.status
  const { title, detail } = problem
  if (title && detail && title !== detail) return `${title}: ${detail}`
  if (detail || title) return detail || title
  if (problemOrError instanceof Error && problemOrError.message) return problemOrError.message
  return fallback || (status ? `HTTP ${status}` : '')
}
