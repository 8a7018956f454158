import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from '../plugins/element.js'
import { ApiError, fieldErrors, problemMessage } from '../lib/problem.js'
import { useSessionStore } from '../stores/session.js'

/**
 * Shows API errors: problem title/detail in an ElMessage, and field errors (`errors:[{field,message}]`)
 * in `errors`, a `{field: message}` map that forms bind to `<el-form-item :error="errors.x">`.
 * 401s are left to the router (redirect to login). A 403 PASSWORD_EXPIRED (the password expired
 * while signed in) marks the session so the shell asks for a new password.
 */
export function useProblem() {
  const { t } = useI18n()
  const errors = ref({})

  function clear() {
    errors.value = {}
  }

  function handle(err) {
    if (err instanceof ApiError) {
      if (err.status === 401) return
      if (err.problem.code === 'PASSWORD_EXPIRED') useSessionStore().markPasswordExpired()
      errors.value = fieldErrors(err)
      const fallback = err.status === 403 ? t('common.forbidden') : t('common.requestFailed', { status: err.status })
      // With field errors the form shows each under its field; the toast only points there, in the reader's
      // language, instead of repeating the API's English title and field codes.
      const message = Object.keys(errors.value).length > 0 ? t('common.fixFields') : problemMessage(err, fallback)
      ElMessage({ type: 'error', message, grouping: true, showClose: true })
    } else {
      ElMessage({ type: 'error', message: t('common.networkError'), grouping: true, showClose: true })
      console.error(err)
    }
  }

  return { errors, handle, clear }
}
