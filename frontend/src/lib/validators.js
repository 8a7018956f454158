// Field formats checked in forms before the server sees them (the server checks again).

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
const MAC = /^[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/

export function isIpAddress(value) {
  if (!value) return true
  if (IPV4.test(value)) return true
  // IPv6: hex groups with at most one "::"; good enough for a form check
  if (value.includes(':') && /^[0-9A-Fa-f:.]+$/.test(value)) {
    const doubles = value.split('::').length - 1
    if (doubles > 1) return false
    const groups = value.split(':').filter((g) => g !== '')
    return groups.length <= 8 && groups.every((g) => g.length <= 4 || IPV4.test(g))
  }
  return false
}

export function isMacAddress(value) {
  if (!value) return true
  return MAC.test(value)
}

export function isNonNegative(value) {
  if (value === null || value === undefined || value === '') return true
  const n = Number(value)
  return Number.isFinite(n) && n >= 0
}

/** 国标编码 (GB/T 28181): 20 digits; region and type code are the server's to check against the project. */
export function isGbCode(value) {
  if (!value) return true
  return /^\d{20}$/.test(String(value).trim())
}
