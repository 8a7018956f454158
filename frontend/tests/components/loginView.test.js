import { afterEach, describe, expect, test } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginView from '../../src/views/auth/LoginView.vue'
import { i18n } from '../../src/locales/index.js'

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
  document.body.innerHTML = ''
})

const json = (status, body) => new Response(JSON.stringify(body), {
  status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } })
const ADMIN = { username: 'admin', displayName: '系统管理员', role: 'ADMIN', permissions: ['LEDGER_READ'] }

describe('the login page', () => {
  test('a login submitted before the first /auth/me answered waits for it, so it carries the XSRF token', async () => {
    let answerMe
    const calls = []
    let signedIn = false
    globalThis.fetch = async (url, init = {}) => {
      const method = init.method || 'GET'
      calls.push({ url: String(url), method, xsrf: init.headers?.['X-XSRF-TOKEN'] ?? null })
      if (String(url).endsWith('/auth/me') && calls.length === 1) {
        // the server answers slowly; its answer brings the cookie
        return new Promise((resolve) => { answerMe = () => { document.cookie = 'XSRF-TOKEN=t0ken; path=/'; resolve(json(401, { title: 'Unauthorized', status: 401 })) } })
      }
      if (String(url).endsWith('/auth/login')) {
        signedIn = init.headers?.['X-XSRF-TOKEN'] === 't0ken'
        return signedIn ? json(200, ADMIN) : json(401, { title: 'Unauthorized', status: 401 })
      }
      if (String(url).endsWith('/auth/me')) return signedIn ? json(200, ADMIN) : json(401, { title: 'Unauthorized', status: 401 })
      return json(200, {})
    }
    i18n.global.locale.value = 'zh-CN'
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/login', component: LoginView }, { path: '/ledger', component: { template: '<div>ledger</div>' } }] })
    await router.push('/login')
    const w = mount(LoginView, { attachTo: document.body, global: { plugins: [i18n, createPinia(), router] } })
    await flushPromises()
    await w.find('[data-testid="login-username"] input, input[data-testid="login-username"]').setValue('admin')
    await w.find('[data-testid="login-password"] input, input[data-testid="login-password"]').setValue('E2e-Chief-Passw0rd')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.url.endsWith('/auth/login'))).toHaveLength(0)
    answerMe()
    await flushPromises()
    const login = calls.find((c) => c.url.endsWith('/auth/login'))
    expect(login?.xsrf).toBe('t0ken')
    expect(w.find('[data-testid="login-error"]').exists()).toBe(false)
    expect(router.currentRoute.value.path).toBe('/ledger')
    w.unmount()
  })
})
