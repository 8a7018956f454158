import { describe, expect, test } from 'vitest'
import { nextLifecycleStates, isLegalTransition, LIFECYCLE_STATES, lifecycleTagType } from '../src/lib/lifecycle.js'

describe('legal next lifecycle states', () => {
  test.each([
    ['PLANNED', ['DELIVERED', 'RETIRED']],
    ['DELIVERED', ['INSTALLED', 'RETIRED']],
    ['INSTALLED', ['ACCEPTED', 'RETIRED']],
    ['ACCEPTED', ['IN_SERVICE', 'RETIRED']],
    ['IN_SERVICE', ['FAULTY', 'RETIRED']],
    ['FAULTY', ['IN_SERVICE', 'RETIRED']],
    ['RETIRED', []],
  ])('%s → %j', (from, expected) => {
    expect(nextLifecycleStates(from)).toEqual(expected)
  })

  test('an unknown state offers nothing', () => {
    expect(nextLifecycleStates('BROKEN')).toEqual([])
    expect(nextLifecycleStates(undefined)).toEqual([])
  })

  test('skipping a step or going backwards is illegal', () => {
    expect(isLegalTransition('PLANNED', 'INSTALLED')).toBe(false)
    expect(isLegalTransition('ACCEPTED', 'INSTALLED')).toBe(false)
    expect(isLegalTransition('FAULTY', 'ACCEPTED')).toBe(false)
    expect(isLegalTransition('RETIRED', 'IN_SERVICE')).toBe(false)
    expect(isLegalTransition('IN_SERVICE', 'FAULTY')).toBe(true)
  })

  test('every non-retired state can be retired', () => {
    for (const s of LIFECYCLE_STATES.filter((x) => x !== 'RETIRED')) expect(isLegalTransition(s, 'RETIRED')).toBe(true)
  })

  test('faulty is red and in service green', () => {
    expect(lifecycleTagType('FAULTY')).toBe('danger')
    expect(lifecycleTagType('IN_SERVICE')).toBe('success')
  })
})
