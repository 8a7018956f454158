// Inline edits of the 自评表 (rowId → {actual, note} as typed) and 保存全部: one PATCH per changed row;
// the rows that fail keep their typed values and are listed with the server's problem, the others are
// saved. The caller re-reads the total and the checks after any save (`afterSave`).
import { computed, reactive, ref } from 'vue'
import { patchRow } from '../../api/evaluations.js'
import { ApiError, problemMessage } from '../../lib/problem.js'
import { parseActual, plainNumber, rowPatch } from '../../lib/evaluation.js'

export function useRowEdits(evaluationId, rows, { afterSave, invalidText }) {
  const drafts = reactive({})
  const saving = reactive({})
  const failures = ref([]) // [{rowId, name, message}]

  function resetDraft(row) {
    drafts[row.id] = { actual: plainNumber(row.actual), note: row.note || '' }
  }
  function resetAll() {
    for (const k of Object.keys(drafts)) delete drafts[k]
    rows.value.forEach(resetDraft)
    failures.value = []
  }
  function replaceRow(updated) {
    rows.value = rows.value.map((r) => (r.id === updated.id ? updated : r))
    resetDraft(updated)
    failures.value = failures.value.filter((f) => f.rowId !== updated.id)
  }

  // A row typed into counts as changed even when what was typed is not a number: 保存全部 then names it.
  const isChanged = (r) => !!drafts[r.id] && (parseActual(drafts[r.id].actual) === undefined || Object.keys(rowPatch(r, drafts[r.id])).length > 0)
  const changedRows = computed(() => rows.value.filter(isChanged))

  /** PATCHes one row; answers null when saved, else the problem in one line. */
  async function patchOne(row) {
    if (parseActual(drafts[row.id].actual) === undefined) return invalidText()
    saving[row.id] = true
    try {
      replaceRow(await patchRow(evaluationId(), row.id, rowPatch(row, drafts[row.id])))
      return null
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw e
      return (e instanceof ApiError && e.errors.map((x) => x.message).filter(Boolean).join('; ')) || problemMessage(e)
    } finally {
      saving[row.id] = false
    }
  }

  /** Saves every changed row; answers {saved, failed}. */
  async function saveAll(only = changedRows.value) {
    const results = await Promise.all(only.map(async (row) => ({ row, message: await patchOne(row) })))
    const failed = results.filter((r) => r.message !== null)
    failures.value = [
      ...failures.value.filter((f) => !only.some((r) => r.id === f.rowId)),
      ...failed.map(({ row, message }) => ({ rowId: row.id, name: row.name, message })),
    ]
    if (results.length > failed.length) await afterSave()
    return { saved: results.length - failed.length, failed: failed.length }
  }

  return { drafts, saving, failures, changedRows, resetAll, replaceRow, saveAll }
}
