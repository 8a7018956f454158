import { defineStore } from 'pinia'
import { listCategories } from '../api/categories.js'
import { listSites } from '../api/sites.js'

/** Reference lists shared by several pages, fetched once. */
export const useLookupStore = defineStore('lookups', {
  state: () => ({ categories: [], sites: [], loaded: false, loading: null }),
  actions: {
    load() {
      if (this.loaded) return Promise.resolve()
      if (!this.loading) {
        this.loading = Promise.all([listCategories(), listSites()])
          .then(([c, s]) => {
            this.categories = c
            this.sites = s
            this.loaded = true
          })
          .finally(() => {
            this.loading = null
          })
      }
      return this.loading
    },
    categoryName(code, locale) {
      const c = this.categories.find((x) => x.code === code)
      if (!c) return code || ''
      return (locale === 'en' ? c.nameEn : c.nameZh) || c.nameZh || c.nameEn || code
    },
    siteName(id) {
      const s = this.sites.find((x) => String(x.id) === String(id))
      return s ? s.name : ''
    },
  },
})
