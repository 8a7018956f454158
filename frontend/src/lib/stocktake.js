// What a stocktake session covers, in the reader's words (docs/STOCKTAKE.md).

/** "站点 X" / "乡镇 Y" / "全部站点" for a session of the API. */
export function scopeText(session, t) {
  if (!session) return ''
  if (session.siteId != null) return `${t('stocktake.site')} ${session.siteName || `#${session.siteId}`}`
  if (session.township) return `${t('stocktake.township')} ${session.township}`
  return t('stocktake.everySite')
}

