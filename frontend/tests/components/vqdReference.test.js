import { afterEach, describe, expect, test } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import DeviceVqdPanel from '../../src/views/ledger/DeviceVqdPanel.vue'
import { useSessionStore } from '../../src/stores/session.js'
import { i18n } from '../../src/locales/index.js'

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
  document.body.innerHTML = ''
})

const FINDINGS = { findings: [{ class: 'BLUR', label: '模糊', score: 0.1, threshold: 0.7, fault: false }] }

/** A fake backend: GET …/vqd answers `state.vqd`; the reference calls change it as the server would. */
function backend(state) {
  const calls = []
  globalThis.fetch = async (url, init = {}) => {
    const method = init.method || 'GET'
    calls.push({ url, method, multipart: init.body instanceof FormData })
    let body = null
    let status = 200
    if (method === 'GET' && url.includes('/vqd?') || url.endsWith('/vqd')) body = state.vqd
    else if (url.includes('/vqd/analyze')) body = FINDINGS
    else if (method === 'PUT' && url.includes('/vqd-reference')) {
      state.vqd = { ...state.vqd, reference: { deviceId: 7, width: 480, height: 270, approvedBy: 'tech1', approvedAt: '2026-12-06T08:00:00Z' } }
      body = state.vqd.reference
    } else if (method === 'DELETE' && url.includes('/vqd-reference')) {
      state.vqd = { ...state.vqd, reference: null }
      status = 204
    }
    return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }
  return calls
}

async function mountPanel(permissions) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().$patch({ user: { username: 'tech1', role: 'TECHNICIAN', permissions } })
  i18n.global.locale.value = 'zh-CN'
  const w = mount(DeviceVqdPanel, { props: { deviceId: 7 }, attachTo: document.body, global: { plugins: [i18n, pinia], stubs: { teleport: true } } })
  await flushPromises()
  return w
}

function choose(w) {
  const input = w.find('[data-testid="vqd-file"]')
  const file = new File([new Uint8Array([1, 2, 3])], 'camera7.jpg', { type: 'image/jpeg' })
  Object.defineProperty(input.element, 'files', { value: [file] })
  return input.trigger('change')
}

const EMPTY = { deviceId: 7, latest: null, recent: [], checks: 0, cleanChecks: 0, intactness: null, category: 'FACE_CAMERA', reference: null }

describe('the 画质诊断 tab: reference picture', () => {
  test('a technician checks a picture by the category thresholds, then approves it as the reference', async () => {
    const calls = backend({ vqd: { ...EMPTY } })
    const w = await mountPanel(['STATUS_READ', 'DEVICE_UPDATE'])
    expect(w.find('[data-testid="vqd-reference-none"]').text()).toContain('尚未批准基准图')
    const approve = w.find('[data-testid="vqd-approve"]')
    expect(approve.text()).toBe('设为基准图')
    expect(approve.attributes('disabled')).toBeDefined() // nothing checked yet: nobody approves an unseen picture

    await choose(w)
    await w.find('[data-testid="vqd-analyze"]').trigger('click')
    await flushPromises()
    const analyze = calls.find((c) => c.url.includes('/vqd/analyze'))
    expect(analyze.url).toContain('category=FACE_CAMERA')
    expect(w.find('[data-testid="vqd-approve"]').attributes('disabled')).toBeUndefined()

    await w.find('[data-testid="vqd-approve"]').trigger('click')
    await flushPromises()
    const put = calls.find((c) => c.method === 'PUT')
    expect(put.url).toBe('/api/v1/devices/7/vqd-reference')
    expect(put.multipart).toBe(true)
    expect(w.find('[data-testid="vqd-reference-img"]').attributes('src'))
      .toBe('/api/v1/devices/7/vqd-reference?v=2026-12-06T08%3A00%3A00Z')
    expect(w.find('[data-testid="vqd-reference-by"]').text()).toContain('tech1')
    expect(w.find('[data-testid="vqd-reference-by"]').text()).toContain('批准')
    expect(w.find('[data-testid="vqd-approve"]').text()).toBe('替换为基准图')
    w.unmount()
  })

  test('whoever may not keep devices sees the reference but cannot approve or remove it', async () => {
    backend({ vqd: { ...EMPTY, reference: { deviceId: 7, width: 480, height: 270, approvedBy: 'tech1', approvedAt: '2026-12-06T08:00:00Z' } } })
    const w = await mountPanel(['STATUS_READ'])
    expect(w.find('[data-testid="vqd-reference-img"]').exists()).toBe(true)
    expect(w.find('[data-testid="vqd-approve"]').exists()).toBe(false)
    expect(w.find('[data-testid="vqd-reference-remove"]').exists()).toBe(false)
    w.unmount()
  })
})
