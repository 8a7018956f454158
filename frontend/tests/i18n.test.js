import { describe, expect, test } from 'vitest'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import zh from '../src/locales/zh-CN.json'
import en from '../src/locales/en.json'
import { LIFECYCLE_STATES } from '../src/lib/lifecycle.js'
import { NAV_ITEMS } from '../src/lib/permissions.js'
import { DEVICE_STATES, REASONS } from '../src/lib/status.js'
import { STATUS_SOURCES } from '../src/api/status.js'

function keys(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]))
}
function get(obj, path) {
  return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj)
}
function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : /\.(vue|js)$/.test(f) ? [p] : []
  })
}

const zhKeys = keys(zh)
const enKeys = keys(en)

describe('locale files', () => {
  test('every zh-CN key exists in en', () => {
    expect(zhKeys.filter((k) => !enKeys.includes(k))).toEqual([])
  })
  test('every en key exists in zh-CN', () => {
    expect(enKeys.filter((k) => !zhKeys.includes(k))).toEqual([])
  })
  test('no message is empty and placeholders match between languages', () => {
    const ph = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const k of zhKeys) {
      expect(String(get(zh, k)).trim(), k).not.toBe('')
      expect(ph(get(en, k)), k).toEqual(ph(get(zh, k)))
    }
  })
  test('every key the source code uses exists', () => {
    const used = new Set()
    for (const file of sources(join(__dirname, '../src'))) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) used.add(m[1])
      for (const m of text.matchAll(/validator\([^,]+,\s*'([A-Za-z0-9_.]+)'\)/g)) used.add(m[1])
    }
    expect(used.size).toBeGreaterThan(50)
    expect([...used].filter((k) => get(zh, k) === undefined)).toEqual([])
  })
  test('dynamic key families are complete', () => {
    for (const s of LIFECYCLE_STATES) expect(get(zh, `lifecycle.${s}`), s).toBeTypeOf('string')
    for (const r of ['ADMIN', 'MANAGER', 'EVALUATOR', 'TECHNICIAN']) expect(get(zh, `role.${r}`), r).toBeTypeOf('string')
    for (const n of NAV_ITEMS) expect(get(zh, n.label), n.label).toBeTypeOf('string')
    for (const s of DEVICE_STATES) {
      expect(get(zh, `state.${s}`), s).toBeTypeOf('string')
      expect(get(zh, `status.cardHint.${s}`), s).toBeTypeOf('string')
    }
    for (const r of REASONS) expect(get(zh, `reason.${r}`), r).toBeTypeOf('string')
    for (const s of STATUS_SOURCES) expect(get(zh, `source.${s}`), s).toBeTypeOf('string')
    for (const l of ['connecting', 'connected', 'reconnecting', 'unsupported']) {
      expect(get(zh, `status.live.${l}`), l).toBeTypeOf('string')
      expect(get(zh, `status.live.${l}Hint`), l).toBeTypeOf('string')
    }
    for (const s of ['DEVICE', 'SITE', 'CATEGORY']) expect(get(zh, `maintenance.scopes.${s}`), s).toBeTypeOf('string')
    for (const p of ['past', 'active', 'future']) expect(get(zh, `maintenance.phases.${p}`), p).toBeTypeOf('string')
  })
  test('Chinese is Chinese and English is not', () => {
    expect(zh.nav.ledger).toBe('设备台账')
    expect(en.nav.ledger).not.toMatch(/[\u4e00-\u9fff]/)
    expect(zh.status.unknownHint).toBe('未测量/采集中断，不计入故障')
    expect(zh.status.live.connected).toBe('实时')
    // The English UI names the Chinese project and offers 中文 on purpose; nothing else is Chinese.
    const chinese = keys(en).filter((k) => !['app.subtitle', 'header.switchLanguage'].includes(k) && /[\u4e00-\u9fff]/.test(String(get(en, k))))
    expect(chinese).toEqual([])
  })
})
