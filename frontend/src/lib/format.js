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
