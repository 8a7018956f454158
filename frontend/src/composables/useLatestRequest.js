/**
 * Only the latest request's answer counts. A user who changes a filter twice sends two requests, and when the first
 * answers last on a busy server its rows must not replace the second's (the e2e suite saw exactly that in 分组指标).
 *
 *   const latest = useLatestRequest(loading)          // loading: a ref, cleared when the latest request settles
 *   loading.value = true
 *   await latest.run(() => getRows(filters), (rows) => { table.value = rows }, (e) => handle(e))
 *
 * An older request's answer and error are both dropped, and it leaves `loading` alone.
 */
export function useLatestRequest(loading) {
  let latest = 0

  async function run(request, onAnswer, onError) {
    const mine = ++latest
    try {
      const answer = await request()
      if (mine === latest) onAnswer(answer)
    } catch (e) {
      if (mine === latest && onError) onError(e)
    } finally {
      if (mine === latest && loading) loading.value = false
    }
  }

  return { run }
}
