import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { buildHeaders, readCookie, toQueryString } from '../src/lib/csrf.js'
import { request, onUnauthorized } from '../src/api/http.js'
import { importDevices } from '../src/api/devices.js'
import { i18n } from '../src/locales/index.js'

const COOKIES = 'XL_SESSION=abc; XSRF-TOKEN=tok%2Fen-123; other=1'

describe('CSRF header injection', () => {
  test('reads and decodes the XSRF-TOKEN cookie', () => {
    expect(readCookie('XSRF-TOKEN', COOKIES)).toBe('tok/en-123')
    expect(readCookie('missing', COOKIES)).toBeNull()
    expect(readCookie('XSRF-TOKEN', '')).toBeNull()
  })

  test.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('%s carries X-XSRF-TOKEN', (method) => {
    const h = buildHeaders(method, { cookie: COOKIES })
    expect(h['X-XSRF-TOKEN']).toBe('tok/en-123')
    expect(h['X-Requested-With']).toBe('XMLHttpRequest')
  })

  test('GET has X-Requested-With but no CSRF token', () => {
    const h = buildHeaders('GET', { cookie: COOKIES })
    expect(h['X-Requested-With']).toBe('XMLHttpRequest')
    expect(h).not.toHaveProperty('X-XSRF-TOKEN')
  })

  test('no cookie, no token header', () => {
    expect(buildHeaders('POST', { cookie: 'a=b' })).not.toHaveProperty('X-XSRF-TOKEN')
  })

  test('query strings skip empty values', () => {
    expect(toQueryString({ a: 1, b: '', c: null, d: undefined, q: 'x y' })).toBe('?a=1&q=x+y')
    expect(toQueryString({})).toBe('')
  })
})

describe('HTTP client', () => {
  let calls
  beforeEach(() => {
    calls = []
    vi.stubGlobal('document', { cookie: COOKIES })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    onUnauthorized(null)
  })

  function stubFetch(status, body, type = 'application/json') {
    vi.stubGlobal('fetch', async (url, init) => {
      calls.push({ url, init })
      return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': type } })
    })
  }

  test('a multipart import upload sends the CSRF header and lets the browser set the content type', async () => {
    stubFetch(200, { dryRun: true, rows: 2, created: 1, updated: 1 })
    const file = new Blob(['assetTag\nA1\n'], { type: 'text/csv' })
    const res = await importDevices(file, true)
    expect(res.rows).toBe(2)
    const { url, init } = calls[0]
    expect(url).toBe('/api/v1/devices/import?dryRun=true')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok/en-123')
    expect(init.headers).not.toHaveProperty('Content-Type')
    expect(init.body).toBeInstanceOf(FormData)
    expect(init.body.get('file')).toBeTruthy()
  })

  test('every call says which language the UI is in (Accept-Language), following a switch', async () => {
    stubFetch(200, [])
    i18n.global.locale.value = 'en'
    await request('GET', '/api/v1/evaluations/1/checks')
    i18n.global.locale.value = 'zh-CN'
    await request('POST', '/api/v1/evaluations/1/sign', { json: {} })
    expect(calls.map((c) => c.init.headers['Accept-Language'])).toEqual(['en', 'zh-CN'])
    expect(buildHeaders('GET')).not.toHaveProperty('Accept-Language')
  })

  test('JSON bodies are sent as JSON; problem details become ApiError', async () => {
    stubFetch(409, { title: 'Conflict', detail: 'illegal step', status: 409 }, 'application/problem+json')
    await expect(request('POST', '/api/v1/devices/1/lifecycle', { json: { to: 'INSTALLED' } })).rejects.toMatchObject({
      status: 409,
      message: 'illegal step',
    })
    expect(calls[0].init.headers['Content-Type']).toBe('application/json')
    expect(calls[0].init.body).toBe('{"to":"INSTALLED"}')
  })

  test('a 401 calls the unauthorized handler unless told not to', async () => {
    const seen = []
    onUnauthorized((e) => seen.push(e.status))
    stubFetch(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json')
    await expect(request('GET', '/api/v1/devices')).rejects.toMatchObject({ status: 401 })
    expect(seen).toEqual([401])
    await expect(request('GET', '/api/v1/auth/me', { skipAuthRedirect: true })).rejects.toMatchObject({ status: 401 })
    expect(seen).toEqual([401])
  })

  test('login posts a urlencoded form', async () => {
    stubFetch(204, null)
    await request('POST', '/api/v1/auth/login', { form: { username: 'admin', password: 'p&ss word' } })
    expect(calls[0].init.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
    expect(calls[0].init.body).toBe('username=admin&password=p%26ss+word')
  })
})
