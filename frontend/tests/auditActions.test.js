import { describe, expect, test } from 'vitest'
import { join } from 'node:path'
import zh from '../src/locales/zh-CN.json'
import en from '../src/locales/en.json'
import { auditActionsIn, callArguments } from './support/auditActions.js'
import { auditActionKey } from '../src/lib/audit.js'

const BACKEND = join(__dirname, '../../backend/src/main/java')

function label(messages, code) {
  return auditActionKey(code).split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), messages)
}

describe('audit actions in words', () => {
  const { actions, unresolved } = auditActionsIn(BACKEND)

  test('the backend sources are read and every audit call names its action as a code', () => {
    // The demo and the evaluation module record theirs; if these go missing the reader is broken, not the labels.
    expect([...actions]).toEqual(expect.arrayContaining(['CREATE', 'EVALUATION_CREATE', 'DEMO_BACKFILL', 'DEMO_SETUP', 'LOCK']))
    expect(unresolved).toEqual([])
  })

  test('every action the backend records has a zh-CN and an en label', () => {
    const missing = [...actions].filter((code) => typeof label(zh, code) !== 'string' || typeof label(en, code) !== 'string')
    expect(missing).toEqual([])
    expect(label(zh, 'EVALUATION_CREATE')).toBe('创建绩效评价')
    expect(label(zh, 'DEMO_BACKFILL')).toBe('演示数据回填')
  })

  test('the argument splitter keeps nested calls, strings and ternaries whole', () => {
    const text = 'audit.record(p.id(), a ? "X_ONE" : "X_TWO", "T, U", f(1, 2), null, x)'
    expect(callArguments(text, text.indexOf('('))).toEqual(['p.id()', 'a ? "X_ONE" : "X_TWO"', '"T, U"', 'f(1, 2)', 'null', 'x'])
  })
})
