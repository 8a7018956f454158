import { describe, expect, test } from 'vitest'
import { defaultWorkspace, visibleNav } from '../src/lib/permissions.js'

const ALL = ['LEDGER_READ', 'DEVICE_CREATE_DELETE_IMPORT', 'DEVICE_UPDATE', 'DEVICE_LIFECYCLE', 'PROGRESS_READ', 'AUDIT_READ', 'USER_ADMIN']

describe('workspaces by role', () => {
  test.each([
    ['ADMIN', ALL, '/progress'],
    ['MANAGER', ['LEDGER_READ', 'PROGRESS_READ'], '/progress'],
    ['EVALUATOR', ['LEDGER_READ', 'PROGRESS_READ'], '/ledger'],
    ['TECHNICIAN', ['LEDGER_READ', 'DEVICE_UPDATE', 'DEVICE_LIFECYCLE'], '/ledger'],
  ])('%s lands on %s', (role, permissions, expected) => {
    expect(defaultWorkspace({ role, permissions })).toBe(expected)
  })

  test('a manager without progress access falls back to a page they may open', () => {
    expect(defaultWorkspace({ role: 'MANAGER', permissions: ['LEDGER_READ'] })).toBe('/ledger')
  })

  test('the menu shows only permitted entries', () => {
    expect(visibleNav({ permissions: ALL }).map((n) => n.key)).toEqual(['progress', 'ledger', 'users', 'audit'])
    expect(visibleNav({ permissions: ['LEDGER_READ'] }).map((n) => n.key)).toEqual(['ledger'])
    expect(visibleNav(null)).toEqual([])
  })
})
