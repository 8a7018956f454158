// The one HTTP client every API module uses. fetch with same-origin credentials, the
// X-Requested-With header, Accept-Language = the UI's language, the CSRF token on
// state-changing calls, and problem details turned into ApiError. A 401 calls the handler the router registers (→ /login).
import { buildHeaders, toQueryString } from '../lib/csrf.js'
import { ApiError } from '../lib/problem.js'
import { i18n } from '../locales/index.js'

let unauthorizedHandler = null

/** Registered once by the router: called on any 401 unless the caller opts out. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler
}

/** The language the user reads the UI in (zh-CN or en): the server answers its words in it. */
export function currentLanguage() {
  return i18n.global.locale.value
}

function currentCookies() {
  return typeof document !== 'undefined' ? document.cookie : ''
}

async function parseBody(res) {
  if (res.status === 204) return null
  const type = res.headers.get('content-type') || ''
  if (type.includes('json')) {
    const text = await res.text()
    return text ? JSON.parse(text) : null
  }
  return res.text()
}

/**
 * @param {string} method
 * @param {string} url       path under the origin, e.g. /api/v1/devices
 * @param {object} [opts]
 * @param {object} [opts.query]  query parameters (empty values skipped)
 * @param {any}    [opts.json]   JSON body
 * @param {object} [opts.form]   application/x-www-form-urlencoded body
 * @param {FormData} [opts.multipart] multipart body (boundary set by the browser)
 * @param {boolean} [opts.skipAuthRedirect] do not send the user to /login on 401
 */
export async function request(method, url, opts = {}) {
  let body
  let contentType = null
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json)
    contentType = 'application/json'
  } else if (opts.form) {
    body = new URLSearchParams(opts.form).toString()
    contentType = 'application/x-www-form-urlencoded'
  } else if (opts.multipart) {
    body = opts.multipart
  }
  const fullUrl = url + toQueryString(opts.query)
  const res = await fetch(fullUrl, {
    method,
    credentials: 'same-origin',
    headers: buildHeaders(method, { cookie: currentCookies(), contentType, language: currentLanguage() }),
    body,
  })
  const data = await parseBody(res).catch(() => null)
  if (!res.ok) {
    const problem = data && typeof data === 'object' ? data : { status: res.status, detail: typeof data === 'string' && data.length < 300 ? data : undefined }
    const err = new ApiError(res.status, problem, fullUrl)
    if (res.status === 401 && !opts.skipAuthRedirect && unauthorizedHandler) unauthorizedHandler(err)
    throw err
  }
  return data
}

export const http = {
  get: (url, opts) => request('GET', url, opts),
  post: (url, opts) => request('POST', url, opts),
  put: (url, opts) => request('PUT', url, opts),
  patch: (url, opts) => request('PATCH', url, opts),
  delete: (url, opts) => request('DELETE', url, opts),
}

/** Lists are `{items,total,page,size}` pages; a few reference lists are plain arrays. Accept both. */
export function itemsOf(data) {
  if (Array.isArray(data)) return data
  return data && Array.isArray(data.items) ? data.items : []
}

export const API = '/api/v1'
