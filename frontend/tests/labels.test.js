import { describe, expect, it } from 'vitest'
import { LABEL_LAYOUTS, labelsUrl } from '../src/api/labels.js'

describe('labelsUrl', () => {
  it('prints the selection when devices are ticked, whatever the filters', () => {
    expect(labelsUrl({ deviceIds: [3, 1, 2], filters: { siteId: 7 }, layout: '50x30' }))
      .toBe('/api/v1/labels.pdf?deviceIds=3%2C1%2C2&layout=50x30')
  })

  it('prints the filter without paging or sort, leaving empty filters out', () => {
    expect(labelsUrl({ filters: { projectId: 1, siteId: 7, q: '', category: null, page: 2, size: 50, sort: 'name' } }))
      .toBe('/api/v1/labels.pdf?projectId=1&siteId=7&layout=a4-3x8')
  })

  it('offers the layouts the server knows, its default first', () => {
    expect(LABEL_LAYOUTS).toEqual(['a4-3x8', 'a4-2x7', '50x30'])
  })
})
