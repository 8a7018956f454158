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
  state: () => ({ projects: [], selectedId: savedId(), loaded: false, pending: null }),
  getters: {
    current: (s) => s.projects.find((p) => String(p.id) === String(s.selectedId)) || null,
  },
  actions: {
    /** Loads the project list once (concurrent callers share the request); keeps a valid selection. */
    load() {
      if (!this.pending) {
        this.pending = listProjects()
          .then((list) => {
            this.projects = list
            if (!this.current) this.select(this.projects.length ? this.projects[0].id : null)
          })
          .finally(() => {
            this.loaded = true
            this.pending = null
          })
      }
      return this.pending
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
