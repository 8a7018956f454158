import { computed, reactive, watch } from 'vue'

/** Compares two cell values: numbers numerically, missing values first, anything else as text. */
export function compareCells(a, b) {
  const na = a === null || a === undefined || a === ''
  const nb = b === null || b === undefined || b === ''
  if (na || nb) return na === nb ? 0 : na ? -1 : 1
  const x = Number(a)
  const y = Number(b)
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y
  return String(a).localeCompare(String(b), 'zh-CN')
}

/** `items` sorted by `sort` ({prop, order: 'ascending'|'descending'|null}; stable) and cut to page `page` (1-based). */
export function sortAndPage(items, sort, page, size) {
  const list = [...(items || [])]
  if (sort && sort.prop && sort.order) {
    const dir = sort.order === 'descending' ? -1 : 1
    list.sort((a, b) => dir * compareCells(a[sort.prop], b[sort.prop]))
  }
  return list.slice((page - 1) * size, page * size)
}

/**
 * A long list shown a page at a time inside a drawer (no nested scroll box): sorting applies to the
 * whole list before paging. Bind `onSortChange` to ElTable's sort-change with `sortable="custom"` columns.
 */
export function useClientPage(itemsRef, { size = 20, sort = null } = {}) {
  const state = reactive({ page: 1, size, sort: sort ? { ...sort } : null })
  const total = computed(() => (itemsRef.value || []).length)
  const rows = computed(() => sortAndPage(itemsRef.value, state.sort, state.page, state.size))
  function onSortChange({ prop, order }) {
    state.sort = order ? { prop, order } : null
    state.page = 1
  }
  watch(itemsRef, () => {
    state.page = 1
  })
  return { state, rows, total, onSortChange }
}
