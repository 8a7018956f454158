import { describe, expect, test } from 'vitest'
import { ApiError } from '../src/lib/problem.js'
import { currentPosition, remaining, repairedLate, runningDeadline, transitionNeeds, workOrderProblem } from '../src/lib/workorder.js'

const order = (o) => ({ state: 'OPEN', respondBy: '2026-12-07T02:00:00Z', repairBy: '2026-12-08T00:00:00Z', repairedAt: null, ...o })

describe('the running deadline', () => {
  test('respond while open, repair once accepted or on site', () => {
    expect(runningDeadline(order())).toEqual({ kind: 'respond', at: '2026-12-07T02:00:00Z' })
    expect(runningDeadline(order({ state: 'ACCEPTED' }))).toEqual({ kind: 'repair', at: '2026-12-08T00:00:00Z' })
    expect(runningDeadline(order({ state: 'ON_SITE' })).kind).toBe('repair')
  })
  test('none once recovered, resolved or finished', () => {
    for (const state of ['PENDING_CONFIRMATION', 'RESOLVED', 'CLOSED', 'CANCELLED']) expect(runningDeadline(order({ state }))).toBeNull()
  })
  test('time left, or overdue by how much', () => {
    const at = Date.parse('2026-12-07T02:00:00Z')
    expect(remaining('2026-12-07T02:00:00Z', at - 90000)).toEqual({ overdue: false, ms: 90000 })
    expect(remaining('2026-12-07T02:00:00Z', at + 60000)).toEqual({ overdue: true, ms: 60000 })
  })
  test('a repair after the deadline is late', () => {
    expect(repairedLate(order({ repairedAt: '2026-12-08T00:00:01Z' }))).toBe(true)
    expect(repairedLate(order({ repairedAt: '2026-12-07T23:59:59Z' }))).toBe(false)
    expect(repairedLate(order())).toBe(false)
  })
})

test('each move asks for what the server requires', () => {
  expect(transitionNeeds('RESOLVED', 'ON_SITE')).toEqual({ cause: true, details: true, photo: true, note: false, location: false })
  expect(transitionNeeds('CLOSED', 'RESOLVED')).toEqual({ cause: false, details: false, photo: false, note: false, location: false })
  expect(transitionNeeds('CLOSED', 'PENDING_CONFIRMATION')).toEqual({ cause: true, details: true, photo: false, note: false, location: false })
  expect(transitionNeeds('CANCELLED', 'OPEN').note).toBe(true)
  expect(transitionNeeds('ON_SITE', 'ACCEPTED').location).toBe(true)
  expect(transitionNeeds('ACCEPTED', 'OPEN')).toEqual({ cause: false, details: false, photo: false, note: false, location: false })
})

describe('server problems in the reader\'s words', () => {
  test('409, 413 and 422 with the fields named (roots only, once)', () => {
    expect(workOrderProblem(new ApiError(409, { detail: 'a work order in state OPEN cannot go to CLOSED' }))).toEqual({ key: 'workorder.problem.conflict', fields: [] })
    expect(workOrderProblem(new ApiError(413, {})).key).toBe('workorder.problem.tooLarge')
    const invalid = new ApiError(422, { errors: [{ field: 'cause', message: 'is required' }, { field: 'latitude' }, { field: 'latitude' }] })
    expect(workOrderProblem(invalid)).toEqual({ key: 'workorder.problem.invalid', fields: ['cause', 'latitude'] })
  })
  test('anything else is left to the general handler', () => {
    expect(workOrderProblem(new ApiError(500, {}))).toBeNull()
    expect(workOrderProblem(new Error('network'))).toBeNull()
  })
})

describe('the phone position', () => {
  test('rounded to the 6 decimals the server keeps', async () => {
    const geo = { getCurrentPosition: (ok) => ok({ coords: { latitude: 31.12345678, longitude: 120.98765432 } }) }
    await expect(currentPosition(geo)).resolves.toEqual({ latitude: 31.123457, longitude: 120.987654 })
  })
  test('null when refused or absent', async () => {
    await expect(currentPosition({ getCurrentPosition: (ok, fail) => fail({ code: 1 }) })).resolves.toBeNull()
    await expect(currentPosition(null)).resolves.toBeNull()
  })
})
