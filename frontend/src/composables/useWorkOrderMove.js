import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from '../plugins/element.js'
import { addWorkOrderPhoto, moveWorkOrder } from '../api/workorders.js'
import { workOrderProblem } from '../lib/workorder.js'
import { useProblem } from './useProblem.js'

/**
 * Moves and photo uploads of one order, shared by the manager's page and the technician's phone. The server
 * decides what is legal; its 409/422/413 answers are shown in the reader's words (workorder.problem.*), with the
 * fields it named.
 */
export function useWorkOrderMove() {
  const { t, te } = useI18n()
  const { handle } = useProblem()
  const busy = ref(false)

  function fieldLabel(field) {
    return te(`workorder.field.${field}`) ? t(`workorder.field.${field}`) : field
  }

  function say(err) {
    const problem = workOrderProblem(err)
    if (!problem) return handle(err)
    const fields = problem.fields.map(fieldLabel).join('、')
    ElMessage({ type: 'error', message: t(problem.key, { fields }), grouping: true, showClose: true })
  }

  /** The order after the move, or null when it failed (then the message is shown and `failed` holds the status). */
  async function move(order, to, extra = {}) {
    busy.value = true
    try {
      const after = await moveWorkOrder(order.id, { to, version: order.version, ...extra })
      ElMessage({ type: 'success', message: t('workorder.detail.moved', { state: t(`workorder.state.${after.state}`) }), grouping: true })
      return after
    } catch (e) {
      say(e)
      return null
    } finally {
      busy.value = false
    }
  }

  async function upload(order, file) {
    busy.value = true
    try {
      const photo = await addWorkOrderPhoto(order.id, file)
      ElMessage({ type: 'success', message: t('workorder.detail.photoAdded'), grouping: true })
      return photo
    } catch (e) {
      say(e)
      return null
    } finally {
      busy.value = false
    }
  }

  return { busy, move, upload, say }
}
