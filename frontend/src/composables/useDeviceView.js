// A device page tab's data: loads once on mount; a 404 means "nothing of this kind for this device" (no national
// code, not a camera …) and sets `missing` instead of showing an error.
import { onMounted, ref } from 'vue'
import { ApiError } from '../lib/problem.js'
import { useProblem } from './useProblem.js'

export function useDeviceView(fetch) {
  const { handle } = useProblem()
  const view = ref(null)
  const missing = ref(false)
  const loading = ref(true)
  async function load() {
    try {
      view.value = await fetch()
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) missing.value = true
      else handle(e)
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { view, missing, loading, load }
}
