// Permission names from /auth/me and what the UI derives from them.

export const P = Object.freeze({
  LEDGER_READ: 'LEDGER_READ',
  DEVICE_CREATE_DELETE_IMPORT: 'DEVICE_CREATE_DELETE_IMPORT',
  DEVICE_UPDATE: 'DEVICE_UPDATE',
  DEVICE_LIFECYCLE: 'DEVICE_LIFECYCLE',
  PROGRESS_READ: 'PROGRESS_READ',
  AUDIT_READ: 'AUDIT_READ',
  USER_ADMIN: 'USER_ADMIN',
  STATUS_READ: 'STATUS_READ',
  MAINTENANCE_WRITE: 'MAINTENANCE_WRITE',
  AGENT_ADMIN: 'AGENT_ADMIN',
  SITE_ADMIN: 'SITE_ADMIN',
  EVALUATION_READ: 'EVALUATION_READ',
  EVALUATION_WRITE: 'EVALUATION_WRITE',
  EVALUATION_SIGN: 'EVALUATION_SIGN',
  WORK_ORDER_WORK: 'WORK_ORDER_WORK',
  WORK_ORDER_MANAGE: 'WORK_ORDER_MANAGE',
  // stocktake (盘点)
  STOCKTAKE_SCAN: 'STOCKTAKE_SCAN',
  STOCKTAKE_MANAGE: 'STOCKTAKE_MANAGE',
})

/** True when `perms` (a Set) holds `required`: one name, or an array meaning "any of these". */
export function allows(perms, required) {
  if (!required) return true
  return Array.isArray(required) ? required.some((p) => perms.has(p)) : perms.has(required)
}

/** Side menu entries in order; each shown only with its permission (an array: any of them). */
export const NAV_ITEMS = [
  { key: 'progress', path: '/progress', permission: P.PROGRESS_READ, label: 'nav.progress' },
  { key: 'evaluations', path: '/evaluations', permission: P.EVALUATION_READ, label: 'nav.evaluations' },
  { key: 'assessment', path: '/assessment', permission: P.EVALUATION_READ, label: 'nav.assessment' },
  { key: 'status', path: '/status', permission: P.STATUS_READ, label: 'nav.status' },
  { key: 'map', path: '/status/map', permission: P.STATUS_READ, label: 'nav.map' },
  { key: 'ledger', path: '/ledger', permission: P.LEDGER_READ, label: 'nav.ledger' },
  { key: 'maintenance', path: '/maintenance', permission: [P.MAINTENANCE_WRITE, P.STATUS_READ], label: 'nav.maintenance' },
  // work orders: the list for managers; the phone page for whoever works orders (a technician's home)
  { key: 'work-orders', path: '/work-orders', permission: P.WORK_ORDER_MANAGE, label: 'workorder.nav.list' },
  { key: 'my-work-orders', path: '/my/work-orders', permission: P.WORK_ORDER_WORK, label: 'workorder.nav.mine' },
  // stocktake (盘点)
  { key: 'stocktake', path: '/stocktakes', permission: P.STOCKTAKE_SCAN, label: 'nav.stocktake' },
  { key: 'users', path: '/admin/users', permission: P.USER_ADMIN, label: 'nav.users' },
  { key: 'agents', path: '/admin/agents', permission: P.AGENT_ADMIN, label: 'nav.agents' },
  { key: 'audit', path: '/admin/audit', permission: P.AUDIT_READ, label: 'nav.audit' },
]

const ROLE_HOME = { ADMIN: '/progress', MANAGER: '/progress', EVALUATOR: '/evaluations', TECHNICIAN: '/my/work-orders' }

/** Where a user lands after login: by role, or the first page their permissions open. */
export function defaultWorkspace(user) {
  if (!user) return '/login'
  const perms = new Set(user.permissions || [])
  const byRole = ROLE_HOME[user.role]
  const item = NAV_ITEMS.find((n) => n.path === byRole)
  if (byRole && (!item || allows(perms, item.permission))) return byRole
  const first = NAV_ITEMS.find((n) => allows(perms, n.permission))
  return first ? first.path : '/ledger'
}

export function visibleNav(user) {
  const perms = new Set((user && user.permissions) || [])
  return NAV_ITEMS.filter((n) => allows(perms, n.permission))
}
