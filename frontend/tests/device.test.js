import { describe, expect, test } from 'vitest'
import { toFormModel, toPayload } from '../src/lib/device.js'

const stored = {
  id: 7, projectId: 1, assetTag: 'JS-FC-001', name: '人脸摄像机', category: 'FACE_CAMERA', tier: 'FRONT_END',
  constructionItemId: 5, siteId: 3, siteName: '城区点位 1', vendor: 'Hikvision', model: 'DS-2CD', serialNumber: 'SN1',
  macAddress: 'aa-bb-cc-dd-ee-ff', ipAddress: '127.20.0.1', firmware: 'V5', lifecycle: 'INSTALLED',
  plannedOn: '2020-11-30', deliveredOn: '2020-12-10', installedOn: '2021-01-05', acceptedOn: null, inServiceOn: null,
  faultyOn: null, retiredOn: null, warrantyEnd: '2024-08-24', unitPrice: 3200, notes: '', probeMethod: 'ONVIF',
  probePort: 80, createdAt: '2021-01-01T00:00:00Z', updatedAt: '2021-01-05T00:00:00Z', version: 3,
}

describe('device form ↔ payload', () => {
  test('PUT body keeps lifecycle fields from the stored device and drops read-only ones', () => {
    const form = toFormModel(stored)
    form.lifecycle = 'RETIRED' // the form cannot change the lifecycle
    form.name = '  新名称 '
    const body = toPayload(form, stored)
    expect(body.lifecycle).toBe('INSTALLED')
    expect(body.installedOn).toBe('2021-01-05')
    expect(body.name).toBe('新名称')
    expect(body.notes).toBeNull()
    expect(body.macAddress).toBe('AA:BB:CC:DD:EE:FF')
    for (const ro of ['id', 'tier', 'siteName', 'createdAt', 'updatedAt', 'version']) expect(body).not.toHaveProperty(ro)
    expect(body.projectId).toBe(1)
  })

  test('POST body starts PLANNED in the selected project', () => {
    const form = toFormModel(null, 4)
    Object.assign(form, { assetTag: 'NEW-1', category: 'SERVER', unitPrice: '100', plannedOn: '2021-02-01' })
    const body = toPayload(form)
    expect(body).toMatchObject({ projectId: 4, assetTag: 'NEW-1', category: 'SERVER', unitPrice: 100, lifecycle: 'PLANNED', plannedOn: '2021-02-01' })
  })
})

describe('national code and GB/T 28181 password', () => {
  const camera = { id: 9, projectId: 1, assetTag: 'JS-FC-009', category: 'FACE_CAMERA', lifecycle: 'PLANNED',
    plannedOn: '2021-01-01', gbCode: '14082400001320000009', gbPasswordSet: true }

  test('edits the code like any field and never sends the password unless one was typed', () => {
    const form = toFormModel(camera)
    expect(form.gbCode).toBe('14082400001320000009')
    expect(form.gbPassword).toBe('')
    form.gbCode = ' 14082400001320000010 '
    const body = toPayload(form, camera)
    expect(body.gbCode).toBe('14082400001320000010')
    expect(body).not.toHaveProperty('gbPassword')
    expect(body).not.toHaveProperty('gbPasswordSet')
  })

  test('sends a typed password, and an empty one only to remove it', () => {
    const typed = toFormModel(camera)
    typed.gbPassword = 'Reg-Passw0rd'
    expect(toPayload(typed, camera).gbPassword).toBe('Reg-Passw0rd')
    const removed = toFormModel(camera)
    removed.gbPassword = 'ignored'
    removed.gbPasswordRemove = true
    expect(toPayload(removed, camera).gbPassword).toBe('')
  })

  test('a blank code is no code', () => {
    const form = toFormModel(camera)
    form.gbCode = '   '
    expect(toPayload(form, camera).gbCode).toBeNull()
  })
})
