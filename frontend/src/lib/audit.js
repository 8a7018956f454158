// Audit log entries in words: action and entity codes → locale keys (the codes stay in the API and
// in the hash chain). tests/auditActions.test.js reads the backend sources and requires a zh-CN and
// an en label for every action they record.

/** Locale key of an audit action's label (EVALUATION_CREATE → audit.actions.EVALUATION_CREATE). */
export function auditActionKey(code) {
  return `audit.actions.${code}`
}

/** Locale key of an audited entity type's label (Device → audit.entities.Device). */
export function auditEntityKey(type) {
  return `audit.entities.${type}`
}

/** `t(key)` when the locale has the key, else the code itself (an action from a newer backend stays readable). */
export function labelOr(te, t, key, code) {
  return code && te(key) ? t(key) : code || '—'
}
