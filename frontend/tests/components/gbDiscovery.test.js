import { afterEach, describe, expect, test } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import GbDiscoveryView from '../../src/views/status/GbDiscoveryView.vue'
import { useSessionStore } from '../../src/stores/session.js'
import { useProjectStore } from '../../src/stores/project.js'
import { i18n } from '../../src/locales/index.js'
import { mount } from '@vue/test-utils'
import { recordFetch } from './mount.js'

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
  document.body.innerHTML = ''
})

const UNKNOWN = {
  code: '14082400001320000042', type: 'IPC', address: '127.20.3.4', port: 5060, transport: 'UDP', registered: true,
  firstSeenAt: '2026-12-06T08:00:00Z', registeredAt: '2026-12-06T08:00:00Z', lastKeepaliveAt: '2026-12-06T08:10:00Z',
  keepaliveCount: 11, manufacturer: '海康威视', model: 'DS-2CD3T46', firmware: 'V5.7',
}

async function mountView(permissions) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  useSessionStore().$patch({ user: { username: 'u', role: 'MANAGER', permissions } })
  useProjectStore().$patch({ projects: [{ id: 1, name: '稷山一期' }], selectedId: 1, loaded: true })
  i18n.global.locale.value = 'zh-CN'
  const w = mount(GbDiscoveryView, {
    attachTo: document.body,
    // Element Plus selects loop on their own layout in jsdom: stubbed; the dialog's defaults (the selected project,
    // the category the code's type suggests) are what this test sends.
    global: { plugins: [i18n, pinia, router], stubs: { teleport: true, ElSelect: true, ElOption: true } },
  })
  await flushPromises()
  return { w, router }
}

describe('发现 · 国标', () => {
  test('lists the unknown registrations with their keepalives', async () => {
    recordFetch((url) => ({ body: url.includes('/gb28181/discovered') ? [UNKNOWN] : [] }))
    const { w } = await mountView(['STATUS_READ'])
    const table = w.find('[data-testid="gb-discovery-table"]')
    expect(table.text()).toContain('14082400001320000042')
    expect(table.text()).toContain('127.20.3.4:5060')
    expect(table.text()).toContain('海康威视 / DS-2CD3T46')
    expect(table.text()).toContain('已注册')
    expect(w.find('[data-testid="gb-discovery-adopt"]').exists()).toBe(false)
    w.unmount()
  })

  test('adopting sends the project, category and name, then opens the new device', async () => {
    const calls = recordFetch((url, init) => {
      if (url.includes('/adopt')) return { status: 201, body: { id: 77, assetTag: 'GB-14082400001320000042' } }
      if (url.includes('/gb28181/discovered')) return { body: [UNKNOWN] }
      if (url.includes('/categories')) return { body: [{ code: 'FACE_CAMERA', nameZh: '人脸抓拍机' }] }
      return { body: [] }
    })
    const { w, router } = await mountView(['STATUS_READ', 'DEVICE_CREATE_DELETE_IMPORT'])
    await w.find('[data-testid="gb-discovery-adopt"]').trigger('click')
    await flushPromises()
    await w.find('input[data-testid="gb-adopt-name"], [data-testid="gb-adopt-name"] input').setValue('村口人脸抓拍')
    await w.find('[data-testid="gb-adopt-confirm"]').trigger('click')
    await flushPromises()
    const adopt = calls.find((c) => c.url.includes('/adopt'))
    expect(adopt.url).toBe('/api/v1/gb28181/registrations/14082400001320000042/adopt')
    expect(adopt.method).toBe('POST')
    expect(adopt.body).toMatchObject({ projectId: 1, category: 'FACE_CAMERA', name: '村口人脸抓拍' })
    expect(router.currentRoute.value.path).toBe('/ledger/77')
    w.unmount()
  })
})
