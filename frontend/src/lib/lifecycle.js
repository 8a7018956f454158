// The device lifecycle as the API enforces it (docs/API.md):
// PLANNED→DELIVERED→INSTALLED→ACCEPTED→IN_SERVICE, IN_SERVICE↔FAULTY, any non-retired→RETIRED.

export const LIFECYCLE_STATES = ['PLANNED', 'DELIVERED', 'INSTALLED', 'ACCEPTED', 'IN_SERVICE', 'FAULTY', 'RETIRED']

const FORWARD = {
  PLANNED: 'DELIVERED',
  DELIVERED: 'INSTALLED',
  INSTALLED: 'ACCEPTED',
  ACCEPTED: 'IN_SERVICE',
}

/** Field of the device that holds the date of reaching `state`. */
export const LIFECYCLE_DATE_FIELD = {
  PLANNED: 'plannedOn',
  DELIVERED: 'deliveredOn',
  INSTALLED: 'installedOn',
  ACCEPTED: 'acceptedOn',
  IN_SERVICE: 'inServiceOn',
  FAULTY: 'faultyOn',
  RETIRED: 'retiredOn',
}

/** The states a device in `state` may legally move to next, in display order. */
export function nextLifecycleStates(state) {
  if (!LIFECYCLE_STATES.includes(state) || state === 'RETIRED') return []
  const next = []
  if (FORWARD[state]) next.push(FORWARD[state])
  if (state === 'IN_SERVICE') next.push('FAULTY')
  if (state === 'FAULTY') next.push('IN_SERVICE')
  next.push('RETIRED')
  return next
}

export function isLegalTransition(from, to) {
  return nextLifecycleStates(from).includes(to)
}

/** Element Plus tag type per state, for the coloured lifecycle tag. */
export function lifecycleTagType(state) {
  switch (state) {
    case 'PLANNED':
      return 'info'
    case 'DELIVERED':
    case 'INSTALLED':
      return 'warning'
    case 'ACCEPTED':
      return 'primary'
    case 'IN_SERVICE':
      return 'success'
    case 'FAULTY':
      return 'danger'
    default:
      return 'info'
  }
}
