// Mounts a component as the app does: the real i18n (zh-CN unless told), Element Plus from the build's
// on-demand resolver; teleports rendered in place so dialogs and drawers can be read from the wrapper.
import { flushPromises, mount } from '@vue/test-utils'
import { i18n } from '../../src/locales/index.js'

export async function mountIn(component, props, { locale = 'zh-CN' } = {}) {
  i18n.global.locale.value = locale
  const wrapper = mount(component, {
    props,
    attachTo: document.body,
    global: { plugins: [i18n], stubs: { teleport: true, 'router-link': { template: '<a><slot /></a>' } } },
  })
  await flushPromises()
  return wrapper
}

/** fetch answers recorded: each call's url, method and parsed JSON body; `answer(url, init)` gives {status, body}. */
export function recordFetch(answer) {
  const calls = []
  globalThis.fetch = async (url, init = {}) => {
    calls.push({ url, method: init.method, headers: init.headers, body: init.body ? JSON.parse(init.body) : undefined })
    const { status = 200, body = null } = answer(url, init) || {}
    const type = status >= 400 ? 'application/problem+json' : 'application/json'
    return new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'content-type': type } })
  }
  return calls
}
