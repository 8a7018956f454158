import { createRouter, createWebHistory } from 'vue-router'
import { useSessionStore } from '../stores/session.js'
import { onUnauthorized } from '../api/http.js'
import { P } from '../lib/permissions.js'

// Every page is its own chunk (dynamic import); the shell is loaded with the first signed-in page.
const routes = [
  { path: '/login', name: 'login', component: () => import('../views/auth/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('../components/AppShell.vue'),
    children: [
      { path: '', name: 'home', redirect: () => useSessionStore().home },
      { path: 'ledger', name: 'ledger', component: () => import('../views/ledger/LedgerView.vue'), meta: { permission: P.LEDGER_READ, nav: 'ledger' } },
      { path: 'ledger/new', name: 'device-new', component: () => import('../views/ledger/DeviceCreateView.vue'), meta: { permission: P.DEVICE_CREATE_DELETE_IMPORT, nav: 'ledger' } },
      { path: 'ledger/archives', name: 'archives', component: () => import('../views/ledger/ArchiveListView.vue'), meta: { permission: P.LEDGER_READ, nav: 'ledger' } },
      { path: 'ledger/:id', name: 'device', component: () => import('../views/ledger/DeviceDetailView.vue'), props: true, meta: { permission: P.LEDGER_READ, nav: 'ledger' } },
      { path: 'progress', name: 'progress', component: () => import('../views/progress/ProgressView.vue'), meta: { permission: P.PROGRESS_READ, nav: 'progress' } },
      { path: 'evaluations', name: 'evaluations', component: () => import('../views/evaluation/EvaluationListView.vue'), meta: { permission: P.EVALUATION_READ, nav: 'evaluations' } },
      { path: 'evaluations/:id', name: 'evaluation', component: () => import('../views/evaluation/EvaluationDetailView.vue'), props: true, meta: { permission: P.EVALUATION_READ, nav: 'evaluations' } },
      { path: 'assessment', name: 'assessment', component: () => import('../views/assessment/AssessmentView.vue'), meta: { permission: P.EVALUATION_READ, nav: 'assessment' } },
      { path: 'status', name: 'status', component: () => import('../views/status/StatusBoardView.vue'), meta: { permission: P.STATUS_READ, nav: 'status' } },
      { path: 'status/discovery', name: 'gb-discovery', component: () => import('../views/status/GbDiscoveryView.vue'), meta: { permission: P.STATUS_READ, nav: 'status' } },
      { path: 'status/map', name: 'site-map', component: () => import('../views/status/SiteMapView.vue'), meta: { permission: P.STATUS_READ, nav: 'map' } },
      { path: 'maintenance', name: 'maintenance', component: () => import('../views/maintenance/MaintenanceView.vue'), meta: { permission: [P.MAINTENANCE_WRITE, P.STATUS_READ], nav: 'maintenance' } },
      { path: 'admin/agents', name: 'agents', component: () => import('../views/admin/AgentsView.vue'), meta: { permission: P.AGENT_ADMIN, nav: 'agents' } },
      { path: 'admin/users', name: 'users', component: () => import('../views/admin/UsersView.vue'), meta: { permission: P.USER_ADMIN, nav: 'users' } },
      // stocktake (盘点): the list with the due panel inside the shell
      { path: 'stocktakes', name: 'stocktakes', component: () => import('../views/stocktake/StocktakeListView.vue'), meta: { permission: P.STOCKTAKE_SCAN, nav: 'stocktake' } },
      { path: 'admin/audit', name: 'audit', component: () => import('../views/admin/AuditView.vue'), meta: { permission: P.AUDIT_READ, nav: 'audit' } },
      // work orders (工单), issue 13
      { path: 'work-orders', name: 'work-orders', component: () => import('../views/workorder/WorkOrderListView.vue'), meta: { permission: P.WORK_ORDER_MANAGE, nav: 'work-orders' } },
      { path: 'work-orders/figures', name: 'work-order-figures', component: () => import('../views/workorder/WorkOrderFiguresView.vue'), meta: { permission: [P.WORK_ORDER_MANAGE, P.EVALUATION_READ], nav: 'work-orders' } },
      { path: 'work-orders/sla-rules', name: 'work-order-sla', component: () => import('../views/workorder/SlaRulesView.vue'), meta: { permission: P.WORK_ORDER_MANAGE, nav: 'work-orders' } },
      { path: 'work-orders/:id(\\d+)', name: 'work-order', component: () => import('../views/workorder/WorkOrderDetailView.vue'), props: true, meta: { permission: P.WORK_ORDER_WORK, nav: 'work-orders' } },
    ],
  },
  // the technician's phone page: no side menu (issue 13 item 2)
  { path: '/my/work-orders', name: 'my-work-orders', component: () => import('../views/workorder/MyWorkOrdersView.vue'), meta: { permission: P.WORK_ORDER_WORK } },
  // stocktake (盘点): a session is a phone page of its own, without the side menu, so it fits 360 px
  { path: '/stocktakes/:id', name: 'stocktake', component: () => import('../views/stocktake/StocktakeSessionView.vue'), props: true, meta: { permission: P.STOCKTAKE_SCAN } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/common/NotFoundView.vue'), meta: { public: true } },
]

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (to.meta.public) return true
  await session.load().catch(() => null)
  if (!session.isAuthenticated) {
    return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (to.meta.permission && !session.can(to.meta.permission)) {
    return to.path === session.home ? { name: 'not-found', params: { pathMatch: to.path.split('/').slice(1) } } : session.home
  }
  return true
})

// Any 401 from the API (session expired) → the login page, remembering where the user was.
onUnauthorized(() => {
  const session = useSessionStore()
  session.clear()
  const current = router.currentRoute.value
  if (current.name === 'login') return
  router.push({ name: 'login', query: { redirect: current.fullPath } })
})

/** A redirect target is only honoured when it is a path inside this app. */
export function safeRedirect(target) {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : null
}
