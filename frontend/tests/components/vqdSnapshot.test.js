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

const LATEST = {
  checkedAt: '2026-12-06T08:00:00Z',
  synthetic: false,
  classes: [{ type: 'BLUR', label: '模糊', score: 0.93, threshold: 0.5, fault: true }],
}
const BASE = { deviceId: 7, latest: LATEST, recent: [], checks: 1, cleanChecks: 0, intactness: 0, category: 'DOME_CAMERA', reference: null }

async function mountPanel(vqd, lang = 'zh-CN') {
  globalThis.fetch = async () => new Response(JSON.stringify(vqd), { status: 200, headers: { 'content-type': 'application/json' } })
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().$patch({ user: { username: 'tech1', role: 'TECHNICIAN', permissions: ['STATUS_READ'] } })
  i18n.global.locale.value = lang
  const w = mount(DeviceVqdPanel, { props: { deviceId: 7 }, attachTo: document.body, global: { plugins: [i18n, pinia], stubs: { teleport: true } } })
  await flushPromises()
  return w
}

describe('the 画质诊断 tab: the picture the latest check judged', () => {
  test('shows the checked picture with its time beside the verdicts, enlargeable', async () => {
    const w = await mountPanel({ ...BASE, snapshot: { checkedAt: '2026-12-06T08:00:00Z', width: 480, height: 270 } })
    const img = w.find('[data-testid="vqd-snapshot-img"] img')
    expect(img.exists()).toBe(true)
    expect(img.attributes('src')).toBe('/api/v1/devices/7/vqd-snapshot?v=2026-12-06T08%3A00%3A00Z')
    expect(w.find('[data-testid="vqd-snapshot-at"]').text()).toContain('检测的画面')
    expect(w.find('[data-testid="vqd-snapshot-at"]').text()).toContain('点击放大')
    expect(w.find('[data-testid="vqd-latest"]').exists()).toBe(true)
    await img.trigger('click')
    await flushPromises()
    expect(document.querySelector('.el-image-viewer__wrapper')).not.toBeNull()
    w.unmount()
  })

  test('says when no picture has arrived yet, in the chosen language', async () => {
    const zh = await mountPanel({ ...BASE, snapshot: null })
    expect(zh.find('[data-testid="vqd-snapshot-img"]').exists()).toBe(false)
    expect(zh.find('[data-testid="vqd-snapshot-none"]').text()).toContain('暂无受检画面')
    zh.unmount()
    const en = await mountPanel({ ...BASE, snapshot: null }, 'en')
    expect(en.find('[data-testid="vqd-snapshot-none"]').text()).toContain('No checked picture yet')
    en.unmount()
  })
})
