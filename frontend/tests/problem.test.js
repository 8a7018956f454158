import { describe, expect, test } from 'vitest'
import { ApiError, fieldErrors, importRowErrors, problemMessage } from '../src/lib/problem.js'

const problem = {
  type: 'about:blank',
  title: 'Validation failed',
  status: 422,
  detail: '2 fields are invalid',
  errors: [
    { field: 'ipAddress', message: 'not an IP address' },
    { field: 'assetTag', message: 'must not be blank' },
    { field: 'assetTag', message: 'already used' },
    { field: 'projectIds[0]', message: 'unknown project' },
  ],
}

describe('problem details → field errors', () => {
  test('maps each field to its message, joining repeats', () => {
    const errs = fieldErrors(problem)
    expect(errs.ipAddress).toBe('not an IP address')
    expect(errs.assetTag).toBe('must not be blank; already used')
  })

  test('nested paths also land on the root field', () => {
    const errs = fieldErrors(problem)
    expect(errs['projectIds[0]']).toBe('unknown project')
    expect(errs.projectIds).toBe('unknown project')
  })

  test('works from an ApiError and ignores import row errors and missing lists', () => {
    const err = new ApiError(422, problem)
    expect(Object.keys(fieldErrors(err))).toContain('ipAddress')
    expect(fieldErrors({ errors: [{ row: 3, column: 'category', reason: 'x' }] })).toEqual({})
    expect(fieldErrors({ title: 'x' })).toEqual({})
    expect(fieldErrors(null)).toEqual({})
  })

  test('import rows come back sorted with row, column and reason', () => {
    const rows = importRowErrors({
      errors: [
        { row: 7, column: 'category', reason: "unknown category 'FOO'" },
        { row: 3, column: 'ipAddress', reason: 'bad IP' },
      ],
    })
    expect(rows).toEqual([
      { row: 3, column: 'ipAddress', reason: 'bad IP' },
      { row: 7, column: 'category', reason: "unknown category 'FOO'" },
    ])
  })

  test('toast text uses title and detail', () => {
    expect(problemMessage(problem)).toBe('Validation failed: 2 fields are invalid')
    expect(problemMessage({ title: 'Conflict' })).toBe('Conflict')
    expect(problemMessage(new ApiError(500, {}), 'fallback')).toBe('HTTP 500')
    expect(problemMessage({}, 'fallback')).toBe('fallback')
  })

  test('ApiError carries status and message', () => {
    const e = new ApiError(409, { title: 'Illegal step', detail: 'PLANNED → INSTALLED' })
    expect(e.status).toBe(409)
    expect(e.message).toBe('PLANNED → INSTALLED')
    expect(e.errors).toEqual([])
  })
})
