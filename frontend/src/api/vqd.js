import { http, API } from './http.js'

/** A device's picture-quality checks (county days from..to, inclusive; default the last 7): latest verdicts and history. */
export const getDeviceVqd = (id, { from, to } = {}) => http.get(`${API}/devices/${id}/vqd`, { query: { from, to } })

/**
 * Checks an uploaded picture now (nothing is stored): each class with label, score, threshold and verdict; with a
 * device category, by that category's thresholds.
 */
export const analyzePicture = (file, { category } = {}) => {
  const fd = new FormData()
  fd.append('image', file)
  return http.post(`${API}/vqd/analyze`, { multipart: fd, query: { category } })
}

/** Where the camera's approved reference picture is served (JPEG); `version` busts the browser's cache after a change. */
export const referencePictureUrl = (id, version) =>
  `${API}/devices/${id}/vqd-reference${version ? `?v=${encodeURIComponent(version)}` : ''}`

/** The picture the camera's latest scheduled check judged (JPEG); `version` (its check time) defeats the cache. */
export const snapshotPictureUrl = (id, version) =>
  `${API}/devices/${id}/vqd-snapshot${version ? `?v=${encodeURIComponent(version)}` : ''}`

/** Approves the picture as the camera's reference (replacing the previous one): who and when come back. */
export const approveReference = (id, file) => {
  const fd = new FormData()
  fd.append('image', file)
  return http.put(`${API}/devices/${id}/vqd-reference`, { multipart: fd })
}

/** Removes the camera's reference picture: scene change is no longer judged. */
export const removeReference = (id) => http.delete(`${API}/devices/${id}/vqd-reference`)

/** The VQD thresholds of every camera category. */
export const getVqdThresholds = () => http.get(`${API}/vqd/thresholds`)

/** Replaces a camera category's thresholds (class → threshold; a class left out keeps the default). */
export const putVqdThresholds = (category, thresholds) =>
  http.put(`${API}/vqd/thresholds/${encodeURIComponent(category)}`, { json: { thresholds } })

/** 图像完好率 of the project for a period, grouped by project|site|township|category|device. */
export const getImageIntactness = (projectId, { from, to, groupBy } = {}) =>
  http.get(`${API}/projects/${projectId}/image-intactness`, { query: { from, to, groupBy } })
