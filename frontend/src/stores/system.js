import { defineStore } from 'pinia'
import { getSystemInfo } from '../api/system.js'

/** What the server says about itself (demo mode, version), asked once per page load. */
export const useSystemStore = defineStore('system', {
  state: () => ({ demo: false, version: null, loaded: false, pending: null }),
  actions: {
    load() {
      if (!this.loaded && !this.pending) {
        this.pending = getSystemInfo()
          .then((info) => {
            this.demo = Boolean(info && info.demo)
            this.version = (info && info.version) || null
            this.loaded = true
          })
          .catch(() => {
            /* an older server without the endpoint: no banner; asked again on the next page load */
          })
          .finally(() => {
            this.pending = null
          })
      }
      return this.pending || Promise.resolve()
    },
  },
})
