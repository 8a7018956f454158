import { describe, expect, test } from 'vitest'
import { isGbCode, isIpAddress, isMacAddress, isNonNegative } from '../src/lib/validators.js'

describe('form validators', () => {
  test('IPv4 and IPv6 addresses', () => {
    for (const ok of ['127.20.0.1', '0.0.0.0', '255.255.255.255', '::1', 'fe80::1', '']) expect(isIpAddress(ok), ok).toBe(true)
    for (const bad of ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'abc', '01.2.3.4x', '1::2::3']) expect(isIpAddress(bad), bad).toBe(false)
  })
  test('MAC addresses with colons or dashes', () => {
    for (const ok of ['AA:BB:CC:DD:EE:FF', 'aa-bb-cc-dd-ee-ff', '00:1a:2B:3c:4D:5e', null]) expect(isMacAddress(ok), ok).toBe(true)
    for (const bad of ['AA:BB:CC:DD:EE', 'AA:BB-CC:DD:EE:FF', 'GG:BB:CC:DD:EE:FF', 'AABBCCDDEEFF']) expect(isMacAddress(bad), bad).toBe(false)
  })
  test('unit price not negative', () => {
    expect(isNonNegative(0)).toBe(true)
    expect(isNonNegative(12.5)).toBe(true)
    expect(isNonNegative(null)).toBe(true)
    expect(isNonNegative(-0.01)).toBe(false)
    expect(isNonNegative('abc')).toBe(false)
  })
})

describe('national code (国标编码)', () => {
  test('twenty digits, or nothing', () => {
    for (const ok of ['14082400001320000001', ' 14082400001320000001 ', '', null]) expect(isGbCode(ok), ok).toBe(true)
    for (const bad of ['1408240000132000000', '140824000013200000011', '14082400001320A00001', '１４０８２４００００１３２００００００１']) {
      expect(isGbCode(bad), bad).toBe(false)
    }
  })
})
