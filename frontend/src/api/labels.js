import { API } from './http.js'
import { toQueryString } from '../lib/csrf.js'

/** The label stocks GET /api/v1/labels.pdf prints on (docs/LABELS.md); the first is the server's default. */
export const LABEL_LAYOUTS = ['a4-3x8', 'a4-2x7', '50x30']

/** At most this many labels a request (the server answers 400 beyond). */
export const MAX_LABELS = 5000

/**
 * URL of the label PDF: for the selected device ids when there are any, else for the device list's filters
 * (page, size and sort are not part of it). The browser opens it with the session cookie, like the export links.
 */
export function labelsUrl({ deviceIds = [], filters = {}, layout = LABEL_LAYOUTS[0] } = {}) {
  if (deviceIds.length) {
    return `${API}/labels.pdf${toQueryString({ deviceIds: deviceIds.join(','), layout })}`
  }
  const { page, size, sort, ...rest } = filters
  return `${API}/labels.pdf${toQueryString({ ...rest, layout })}`
}
