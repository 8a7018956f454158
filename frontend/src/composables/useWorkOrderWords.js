import { useI18n } from 'vue-i18n'
import { reasonKey, stateLabelKey } from '../lib/status.js'

// The sweep's words on an order in the reader's language: its reason `DOWN:REFUSED` (the state and reason code)
// reads 离线 · 连接被拒绝, its actor `system` 系统, its rule `DEFAULT` 默认时限. What people typed stays as it is.
const SWEEP_REASON = /^(DOWN|DEGRADED):([A-Z_]+)$/

export function useWorkOrderWords() {
  const { t } = useI18n()

  function reasonText(reason) {
    const m = SWEEP_REASON.exec(reason || '')
    if (!m) return reason || '—'
    const key = reasonKey(m[2])
    return `${t(stateLabelKey(m[1]))} · ${key ? t(key) : m[2]}`
  }

  const actorText = (actor) => (actor === 'system' ? t('workorder.system') : actor || '—')
  const slaRuleText = (rule) => (rule && rule.startsWith('DEFAULT') ? rule.replace('DEFAULT', t('workorder.slaDefault')) : rule || '—')

  return { reasonText, actorText, slaRuleText }
}
