import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { useLatestRequest } from '../src/composables/useLatestRequest.js'

/** A request the test answers (or fails) when it chooses. */
function deferred() {
  let resolve, reject
  const promise = new Promise((res, rej) => { resolve = res; reject = rej })
  return { promise, resolve, reject }
}

describe('useLatestRequest', () => {
  it('keeps the second answer when the first request answers last', async () => {
    const loading = ref(true)
    const latest = useLatestRequest(loading)
    const first = deferred()
    const second = deferred()
    const shown = []
    const a = latest.run(() => first.promise, (v) => shown.push(v))
    const b = latest.run(() => second.promise, (v) => shown.push(v))
    second.resolve('second')
    await b
    expect(loading.value).toBe(false)
    loading.value = true // a third load began meanwhile elsewhere: the stale answer must not clear it either
    first.resolve('first')
    await a
    expect(shown).toEqual(['second'])
    expect(loading.value).toBe(true)
  })

  it('reports only the latest request\'s error, and clears loading after it', async () => {
    const loading = ref(true)
    const latest = useLatestRequest(loading)
    const errors = []
    const first = deferred()
    const a = latest.run(() => first.promise, () => {}, (e) => errors.push(e.message))
    await latest.run(() => Promise.reject(new Error('latest failed')), () => {}, (e) => errors.push(e.message))
    first.reject(new Error('stale failure'))
    await a
    expect(errors).toEqual(['latest failed'])
    expect(loading.value).toBe(false)
  })
})
