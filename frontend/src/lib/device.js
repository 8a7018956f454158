// Device form model ↔ API payload.
import { LIFECYCLE_DATE_FIELD } from './lifecycle.js'

/** Fields the device form edits (writable, excluding lifecycle and its dates). */
export const EDITABLE_FIELDS = [
  'assetTag', 'name', 'category', 'constructionItemId', 'siteId', 'vendor', 'model', 'serialNumber',
  'macAddress', 'ipAddress', 'firmware', 'warrantyEnd', 'unitPrice', 'notes', 'probeMethod', 'probePort',
  'gbCode', 'uplinkDeviceId',
]

const LIFECYCLE_FIELDS = ['lifecycle', ...Object.values(LIFECYCLE_DATE_FIELD)]

export function emptyDevice(projectId = null) {
  const d = { projectId, lifecycle: 'PLANNED', plannedOn: null }
  for (const f of EDITABLE_FIELDS) d[f] = null
  // write-only: never read back from the device; empty leaves the stored password as it is
  d.gbPassword = ''
  d.gbPasswordRemove = false
  return d
}

/** The form's starting values for an existing device (or a new one). */
export function toFormModel(device, projectId = null) {
  const base = emptyDevice(projectId)
  if (!device) return base
  for (const k of Object.keys(base)) if (device[k] !== undefined) base[k] = device[k]
  base.projectId = device.projectId ?? projectId
  return base
}

function blankToNull(v) {
  return typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v
}

/**
 * Body for POST (create: may set the initial lifecycle and its date) or PUT (whole resource:
 * lifecycle and dates are copied unchanged from the stored device, since they only change
 * through the lifecycle endpoint). Read-only fields (id, tier, siteName, gbPasswordSet, createdAt,
 * updatedAt, version) are never sent.
 */
export function toPayload(form, original = null) {
  const body = { projectId: form.projectId ?? (original && original.projectId) ?? null }
  for (const f of EDITABLE_FIELDS) body[f] = blankToNull(form[f] ?? null)
  if (body.macAddress) body.macAddress = body.macAddress.toUpperCase().replace(/-/g, ':')
  if (body.unitPrice !== null && body.unitPrice !== undefined) body.unitPrice = Number(body.unitPrice)
  if (body.probePort !== null && body.probePort !== undefined) body.probePort = Number(body.probePort)
  // The GB/T 28181 password is write-only: sent only when typed ("" when the user removes it), absent otherwise.
  if (form.gbPasswordRemove) body.gbPassword = ''
  else if (form.gbPassword) body.gbPassword = form.gbPassword
  if (original) {
    for (const f of LIFECYCLE_FIELDS) body[f] = original[f] ?? null
  } else {
    body.lifecycle = form.lifecycle || 'PLANNED'
    const dateField = LIFECYCLE_DATE_FIELD[body.lifecycle]
    body.plannedOn = blankToNull(form.plannedOn ?? null)
    if (dateField && dateField !== 'plannedOn' && form[dateField]) body[dateField] = form[dateField]
  }
  return body
}
