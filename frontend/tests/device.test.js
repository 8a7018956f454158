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
