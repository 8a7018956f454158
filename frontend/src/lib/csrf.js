// Pure helpers for the request headers every API call carries. Kept free of browser
// globals so they can be unit-tested; the HTTP client passes document.cookie in.

export const CSRF_COOKIE = 'XSRF-TOKEN'
export const CSRF_HEADER = 'X-XSRF-TOKEN'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Value of cookie `name` in a `document.cookie` style string, or null. */
export function readCookie(name, cookieString) {
  if (!cookieString) return null
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) {
      const raw = part.slice(eq + 1).trim()
      try {
        return decodeURIComponent(raw)
      } catch {
        return raw
      }
    }
  }
  return null
}

export function isUnsafeMethod(method) {
  return UNSAFE.has(String(method).toUpperCase())
}

/**
 * Headers for one request: always `X-Requested-With` (so the server answers 401 rather
 * than a login redirect) and `Accept`; `Accept-Language` = the UI's language, so the server's
 * words (check titles, formulas, evidence) come in the language the user reads; on
 * state-changing methods also the CSRF token read from the XSRF-TOKEN cookie. `contentType`
 * is omitted for multipart bodies so the browser sets the boundary itself.
 */
export function buildHeaders(
  method,
  { cookie = '', contentType = null, accept = 'application/json, application/problem+json', language = null } = {},
) {
  const headers = { 'X-Requested-With': 'XMLHttpRequest' }
  if (accept) headers.Accept = accept
  if (language) headers['Accept-Language'] = language
  if (contentType) headers['Content-Type'] = contentType
  if (isUnsafeMethod(method)) {
    const token = readCookie(CSRF_COOKIE, cookie)
    if (token) headers[CSRF_HEADER] = token
  }
  return headers
}

/** `?a=1&b=x` from an object, skipping null/undefined/'' values; arrays repeat the key. */
export function toQueryString(params) {
  if (!params) return ''
  const sp = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue
    if (Array.isArray(v)) v.forEach((x) => sp.append(k, String(x)))
    else sp.append(k, String(v))
  }
  const s = sp.toString()
  return s ? `?${s}` : ''
}
