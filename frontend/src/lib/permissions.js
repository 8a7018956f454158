// Permission names from /auth/me and what the UI derives from them.

export const P = Object.freeze({
  LEDGER_READ: 'LEDGER_READ',
  DEVICE_CREATE_DELETE_IMPORT: 'DEVICE_CREATE_DELETE_IMPORT',
  DEVICE_UPDATE: 'DEVICE_UPDATE',
  DEVICE_LIFECYCLE: 'DEVICE_LIFECYCLE',
  PROGRESS_READ: 'PROGRESS_READ',
  AUDIT_READ: 'AUDIT_READ',
  USER_ADMIN: 'USER_ADMIN',
})

/** Side menu entries in order; each shown only with its permission. */
export const NAV_ITEMS = [
  { key: 'progress', path: '/progress', permission: P.PROGRESS_READ, label: 'nav.progress' },
  { key: 'ledger', path: '/ledger', permission: P.LEDGER_READ, label: 'nav.ledger' },
  { key: 'users', path: '/admin/users', permission: P.USER_ADMIN, label: 'nav.users' },
  { key: 'audit', path: '/admin/audit', permission: P.AUDIT_READ, label: 'nav.audit' },
]

const ROLE_HOME = { ADMIN: '/progress', MANAGER: '/progress', EVALUATOR: '/ledger', TECHNICIAN: '/ledger' }

/** Where a user lands after login: by role, or the first page their permissions open. */
export function defaultWorkspace(user) {
  if (!user) return '/login'
  const perms = new Set(user.permissions || [])
  const byRole = ROLE_HOME[user.role]
  const item = NAV_ITEMS.find((n) => n.path === byRole)
  if (byRole && (!item || perms.has(item.permission))) return byRole
  const first = NAV_ITEMS.find((n) => perms.has(n.permission))
  return first ? first.path : '/ledger'
}

export function visibleNav(user) {
  const perms = new Set((user && user.permissions) || [])
  return NAV_ITEMS.filter((n) => perms.has(n.permission))
}
