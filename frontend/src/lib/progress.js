// Progress rows (数量指标 and 建设内容) as the progress page judges them. Pure, unit-tested.

/**
 * True when a row was completed after its planned date and is measured by devices. An item planned
 * at 0 devices (renovation, furniture, a platform without ledger devices) has no device count to be
 * late against: its dates are shown plain, not in red (issue 8).
 */
export function completedLate(row) {
  return Boolean(row && Number(row.planned) > 0 && row.plannedDate && row.actualDate && row.actualDate > row.plannedDate)
}
