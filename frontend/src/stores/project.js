import { defineStore } from 'pinia'
import { listProjects } from '../api/projects.js'

export const PROJECT_KEY = 'xl.projectId'

function savedId() {
  try {
    const v = localStorage.getItem(PROJECT_KEY)
    return v ? Number(v) || v : null
  } catch {
    return null
  }
}

export const useProjectStore = defineStore('project', {
  state: () => ({ projects: [], selectedId: savedId(), loaded: false }),
  getters: {
    current: (s) => s.projects.find((p) => String(p.id) === String(s.selectedId)) || null,
  },
  actions: {
    async load() {
      this.projects = await listProjects()
      this.loaded = true
      if (!this.current) this.select(this.projects.length ? this.projects[0].id : null)
    },
    select(id) {
      this.selectedId = id
      try {
        if (id === null || id === undefined) localStorage.removeItem(PROJECT_KEY)
        else localStorage.setItem(PROJECT_KEY, String(id))
      } catch {
        /* ignore */
      }
    },
  },
})
