// @vitest-environment happy-dom
import { describe, expect, test, beforeEach } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../src/locales/index.js'
import { useSystemStore } from '../src/stores/system.js'
import DemoBanner from '../src/components/DemoBanner.vue'

function mountWith(demo) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const system = useSystemStore()
  Object.assign(system, { demo, loaded: true }) // as if /system/info had answered
  return mount(DemoBanner, { global: { plugins: [pinia, i18n] } })
}

describe('demo banner', () => {
  beforeEach(() => {
    sessionStorage.clear()
    i18n.global.locale.value = 'zh-CN'
  })

  test('says the data is simulated while the server runs in demo mode', () => {
    const banner = mountWith(true).find('[data-testid=demo-banner]')
    expect(banner.exists()).toBe(true)
    expect(banner.text()).toContain('演示模式：数据为模拟生成')
  })

  test('collapses to a strip that still says so, and cannot be closed', async () => {
    const wrapper = mountWith(true)
    await wrapper.find('[data-testid=demo-banner-toggle]').trigger('click')
    const banner = wrapper.find('[data-testid=demo-banner]')
    expect(banner.attributes('data-collapsed')).toBe('true')
    expect(banner.text()).toContain('演示模式：数据为模拟生成')
    expect(wrapper.findAll('button').map((b) => b.text())).toEqual(['展开'])
    expect(sessionStorage.getItem('xl.demoBannerCollapsed')).toBe('1')
  })

  test('English, and nothing at all outside demo mode', () => {
    i18n.global.locale.value = 'en'
    expect(mountWith(true).text()).toContain('Demo mode: the data is simulated')
    expect(mountWith(false).find('[data-testid=demo-banner]').exists()).toBe(false)
  })
})
