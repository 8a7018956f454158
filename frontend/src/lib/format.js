// Number and date formatting used across the pages. Null/undefined show as an em dash.

export const EMPTY = '—'

/** A 0..1 ratio as a percentage, e.g. 0.5714 → "57.1%". Ratios above 1 are kept (over-completion). */
export function formatRate(ratio, locale = 'zh-CN', digits = 1) {
  if (ratio === null || ratio === undefined || Number.isNaN(Number(ratio))) return EMPTY
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(Number(ratio))
}

/** A value already in percentage points, e.g. 5.7 → "5.7%". */
export function formatPct(points, locale = 'zh-CN', digits = 1) {
  if (points === null || points === undefined || Number.isNaN(Number(points))) return EMPTY
  return formatRate(Number(points) / 100, locale, digits)
}

/** Yuan amounts: "¥5,265,656.85". */
export function formatCurrency(yuan, locale = 'zh-CN') {
  if (yuan === null || yuan === undefined || yuan === '' || Number.isNaN(Number(yuan))) return EMPTY
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(Number(yuan))
}

export function formatNumber(n, locale = 'zh-CN') {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return EMPTY
  return new Intl.NumberFormat(locale).format(Number(n))
}

/** 0..100 value for an ElProgress bar (clamped), from a 0..1 ratio. */
export function progressPercent(ratio) {
  if (ratio === null || ratio === undefined || Number.isNaN(Number(ratio))) return 0
  return Math.max(0, Math.min(100, Math.round(Number(ratio) * 1000) / 10))
}

/** ISO instant → local "YYYY-MM-DD HH:mm:ss"; plain dates pass through. */
export function formatInstant(iso) {
  if (!iso) return EMPTY
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return String(iso)
  const p = (x) => String(x).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

export function formatDate(d) {
  return d || EMPTY
}

/** Today as YYYY-MM-DD in local time. */
export function today(now = new Date()) {
  const p = (x) => String(x).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** Cost change against its ceiling: {percent for the bar (0..100 of the ceiling), over}. */
export function costChangeStatus(changePct, ceilingPct) {
  const change = Number(changePct) || 0
  const ceiling = Number(ceilingPct) || 10
  return {
    percentOfCeiling: Math.max(0, Math.min(100, Math.round((change / ceiling) * 1000) / 10)),
    over: change > ceiling,
  }
}

const RELATIVE_STEPS = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
]

/**
 * How long ago (or ahead) an instant is, in the locale's words: "3分钟前" / "3 minutes ago",
 * "刚刚"/"now" under ten seconds. `now` is injectable for tests.
 */
export function formatRelative(iso, now = Date.now(), locale = 'zh-CN') {
  if (!iso) return EMPTY
  const at = new Date(iso).getTime()
  if (Number.isNaN(at)) return String(iso)
  const diffSec = Math.round((at - Number(now)) / 1000)
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const abs = Math.abs(diffSec)
  if (abs < 10) return rtf.format(0, 'second')
  for (const [unit, size] of RELATIVE_STEPS) {
    if (abs >= size) return rtf.format(Math.trunc(diffSec / size), unit)
  }
  return rtf.format(diffSec, 'second')
}

/**
 * A duration in milliseconds as its two largest units, e.g. 93784000 → "1d 2h" with
 * units {d:'d',h:'h',m:'m',s:'s'} (the page passes translated units: 天/小时/分/秒).
 */
export function formatDuration(ms, units = { d: 'd', h: 'h', m: 'm', s: 's' }) {
  if (ms === null || ms === undefined || Number.isNaN(Number(ms))) return EMPTY
  let sec = Math.max(0, Math.round(Number(ms) / 1000))
  const parts = []
  for (const [key, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    const n = Math.floor(sec / size)
    sec -= n * size
    if (n > 0 || (key === 's' && parts.length === 0)) parts.push(`${n}${units[key]}`)
  }
  return parts.slice(0, 2).join(' ')
}

/** Byte counts: 1536 → "1.5 KB". */
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(Number(bytes))) return EMPTY
  let n = Number(bytes)
  const units = ['B', 'KB', 'MB', 'GB', 'TB']
  let i = 0
  while (Math.abs(n) >= 1024 && i < units.length - 1) {
    n /= 1024
    i += 1
  }
  return i === 0 ? `${n} B` : `${n.toFixed(1)} ${units[i]}`
}

/** ISO instant → the value of a native `datetime-local` input ("YYYY-MM-DDTHH:mm", local time). */
export function toLocalInput(iso) {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const p = (x) => String(x).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

/** A native `datetime-local` (or `date`) value, read as local time → ISO instant (null when empty/invalid). */
export function fromLocalInput(value) {
  if (!value) return null
  const d = new Date(value.length === 10 ? `${value}T00:00` : value)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}
