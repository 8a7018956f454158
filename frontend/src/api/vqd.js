import { http, API } from './http.js'

/** A device's picture-quality checks (county days from..to, inclusive; default the last 7): latest verdicts and history. */
export const getDeviceVqd = (id, { from, to } = {}) => http.get(`${API}/devices/${id}/vqd`, { query: { from, to } })

/** Checks an uploaded picture now (nothing is stored): each class with label, score, threshold and verdict. */
export const analyzePicture = (file) => {
  const fd = new FormData()
  fd.append('image', file)
  return http.post(`${API}/vqd/analyze`, { multipart: fd })
}

/** 图像完好率 of the project for a period, grouped by project|site|township|category|device. */
export const getImageIntactness = (projectId, { from, to, groupBy } = {}) =>
  http.get(`${API}/projects/${projectId}/image-intactness`, { query: { from, to, groupBy } })
