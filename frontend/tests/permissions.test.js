import { describe, expect, test } from 'vitest'
import { allows, defaultWorkspace, visibleNav } from '../src/lib/permissions.js'

const ALL = [
  'LEDGER_READ', 'DEVICE_CREATE_DELETE_IMPORT', 'DEVICE_UPDATE', 'DEVICE_LIFECYCLE', 'PROGRESS_READ', 'AUDIT_READ', 'USER_ADMIN',
  'STATUS_READ', 'MAINTENANCE_WRITE', 'AGENT_ADMIN', 'SITE_ADMIN', 'EVALUATION_READ', 'EVALUATION_WRITE', 'EVALUATION_SIGN',
  'WORK_ORDER_WORK', 'WORK_ORDER_MANAGE',
]
const EVALUATOR = ['LEDGER_READ', 'PROGRESS_READ', 'STATUS_READ', 'EVALUATION_READ', 'EVALUATION_WRITE', 'EVALUATION_SIGN']
const TECHNICIAN = ['LEDGER_READ', 'DEVICE_UPDATE', 'DEVICE_LIFECYCLE', 'STATUS_READ', 'MAINTENANCE_WRITE', 'WORK_ORDER_WORK']

describe('workspaces by role', () => {
  test.each([
    ['ADMIN', ALL, '/progress'],
    ['MANAGER', ['LEDGER_READ', 'PROGRESS_READ'], '/progress'],
    ['EVALUATOR', EVALUATOR, '/evaluations'],
    ['TECHNICIAN', TECHNICIAN, '/my/work-orders'],
    ['TECHNICIAN', TECHNICIAN.filter((p) => p !== 'WORK_ORDER_WORK'), '/status'],
  ])('%s lands on %s', (role, permissions, expected) => {
    expect(defaultWorkspace({ role, permissions })).toBe(expected)
  })

  test('a manager without progress access falls back to a page they may open', () => {
    expect(defaultWorkspace({ role: 'MANAGER', permissions: ['LEDGER_READ'] })).toBe('/ledger')
  })

  test('an evaluator without evaluation access falls back to a page they may open', () => {
    expect(defaultWorkspace({ role: 'EVALUATOR', permissions: ['LEDGER_READ', 'PROGRESS_READ', 'STATUS_READ'] })).toBe('/progress')
  })

  test('a manager reads evaluations from the menu', () => {
    expect(visibleNav({ permissions: ['LEDGER_READ', 'PROGRESS_READ', 'EVALUATION_READ'] }).map((n) => n.key)).toEqual(['progress', 'evaluations', 'assessment', 'ledger'])
  })

  test('a technician without status access falls back to the ledger', () => {
    expect(defaultWorkspace({ role: 'TECHNICIAN', permissions: ['LEDGER_READ', 'DEVICE_UPDATE'] })).toBe('/ledger')
  })

  test('the menu shows only permitted entries', () => {
    expect(visibleNav({ permissions: ALL }).map((n) => n.key)).toEqual(['progress', 'evaluations', 'assessment', 'status', 'map', 'ledger', 'maintenance', 'work-orders', 'my-work-orders', 'users', 'agents', 'audit'])
    expect(visibleNav({ permissions: TECHNICIAN }).map((n) => n.key)).toEqual(['status', 'map', 'ledger', 'maintenance', 'my-work-orders'])
    expect(visibleNav({ permissions: ['LEDGER_READ', 'PROGRESS_READ', 'STATUS_READ'] }).map((n) => n.key)).toEqual(['progress', 'status', 'map', 'ledger', 'maintenance'])
    expect(visibleNav({ permissions: ['MAINTENANCE_WRITE'] }).map((n) => n.key)).toEqual(['maintenance'])
    expect(visibleNav({ permissions: ['LEDGER_READ'] }).map((n) => n.key)).toEqual(['ledger'])
    expect(visibleNav(null)).toEqual([])
  })
})

test('a permission list means any of them', () => {
  const perms = new Set(['STATUS_READ'])
  expect(allows(perms, 'STATUS_READ')).toBe(true)
  expect(allows(perms, ['MAINTENANCE_WRITE', 'STATUS_READ'])).toBe(true)
  expect(allows(perms, ['MAINTENANCE_WRITE', 'AGENT_ADMIN'])).toBe(false)
  expect(allows(perms, undefined)).toBe(true)
})
