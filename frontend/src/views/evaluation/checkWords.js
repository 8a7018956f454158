// A check in words: the API's title/message/severityLabel (in the request's language) when it sends
// them, else the UI's own title for the code and severity. Shared by the checks panel and the sign dialog.
import { checkTitleKey } from '../../lib/evaluation.js'

export function useCheckWords(t, rowsRef) {
  const rowName = (rowId) => {
    if (rowId === null || rowId === undefined) return ''
    const row = (rowsRef.value || []).find((r) => String(r.id) === String(rowId))
    return row ? row.name : ''
  }
  return {
    title: (c) => c.title || t(checkTitleKey(c)),
    severity: (c) => c.severityLabel || t(`evaluation.severity.${c.severity}`),
    rowName,
    // The row a check is about, to print beside its title — unless its message already quotes the row
    // (the backend's per-row messages do), so the name is not read twice.
    rowAside: (c) => {
      const name = rowName(c.rowId)
      return name && !(c.message || '').includes(name) ? name : ''
    },
  }
}
