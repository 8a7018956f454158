import { reactive, ref } from 'vue'
import { useLatestRequest } from './useLatestRequest.js'

/**
 * State of a server-side paged, sorted list. `fetchPage(params)` gets
 * `{...filters, page, size, sort}` and answers `{items,total}`.
 */
export function usePagedList(fetchPage, { size = 20, filters = {}, onError } = {}) {
  const state = reactive({ page: 1, size, sort: null, filters: { ...filters } })
  const items = ref([])
  const total = ref(0)
  const loading = ref(false)
  const latest = useLatestRequest(loading)

  function params() {
    return { ...state.filters, page: state.page - 1, size: state.size, sort: state.sort || undefined }
  }

  async function load() {
    loading.value = true
    await latest.run(() => fetchPage(params()), (data) => {
      items.value = (data && data.items) || []
      total.value = (data && data.total) || 0
    }, onError)
  }

  /** ElTable sort-change → `sort=field,asc|desc`. */
  function onSortChange({ prop, order }) {
    state.sort = prop && order ? `${prop},${order === 'ascending' ? 'asc' : 'desc'}` : null
    state.page = 1
    load()
  }

  function search() {
    state.page = 1
    load()
  }

  return { state, items, total, loading, load, search, onSortChange, params }
}
